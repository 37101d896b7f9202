// Grading scales as data. A scale (e.g. Ombudsman compliance) has versions, each in force for a
// range of assessment years, each a list of bands. The shapes here are what the database layer
// stores and what the API returns, so they stay plain JSON (no classes, no Dates).

import type { Words } from '../i18n.ts';

export type ScaleKind = 'numeric' | 'ordinal';

/** How sure we are of the numbers: see shared/reference/rubrics.md, "How to read this file". */
export type Confidence = 'CONFIRMED' | 'CORROBORATED' | 'UNCONFIRMED';

/** Ombudsman-style traffic-light zone. Most scales have none. */
export type Zone = 'hijau' | 'kuning' | 'merah';

export interface Band {
  /** Stable code, unique within a version: 'A', 'AA', 'WTP', 'HIJAU', 'SANGAT_INOVATIF' … */
  code: string;
  /** The band's name as the source writes it ('Kategori A', 'Zona Hijau'), when it differs from the label. */
  name?: string;
  /** What the grade says: 'Opini Kualitas Tertinggi', 'Sangat Memuaskan', 'Wajar Tanpa Pengecualian'. */
  label: string;
  zone?: Zone | null;
  /** CSS colour for charts; zones have a default one. */
  color?: string;
  lower: number;
  lowerInclusive: boolean;
  upper: number;
  upperInclusive: boolean;
  /** Rank on an ordinal scale (BPK: WTP 4 … TMP 1). Higher is better. */
  ordinal?: number;
  /** Other ways people write this grade ('Opini WTP', 'unqualified'); matched case-insensitively. */
  aliases?: string[];
}

export interface ScaleVersion {
  /** Unique within the scale. The catalogue numbers them '1', '2' … in order of years. */
  version: string;
  /** Human title: years and legal basis in one line. */
  title?: string;
  /** First assessment (edition) year the version holds for; null = since the scale began. */
  validFromYear: number | null;
  /** Last assessment year; null = still in force. */
  validToYear: number | null;
  legalBasis: string;
  source: string;
  /**
   * Step at which the source writes band edges (0.01 for two decimals, 1 for whole points).
   * Two neighbouring bands whose edges are one step apart, both inclusive (87.99 | 88.00),
   * are contiguous: a score between them (87.995) belongs to the lower band, because the
   * upper band starts at the edge the source states. Default 0.01.
   */
  precision?: number;
  bands: Band[];
  /** Why an edge was read the way it was; shown to admins. */
  notes?: string[];
}

export interface Scale {
  /** 'ombudsman-kepatuhan', 'sakip', … */
  id: string;
  /** Indonesian name. */
  name: string;
  /** Code of the awarding body (src/reference/awarding-bodies.ts) that owns the scale. */
  giverCode: string;
  kind: ScaleKind;
  confidence: Confidence;
  /** What a score is measured in, for display ('poin', 'indeks 0–5'). */
  unit?: string;
  versions: ScaleVersion[];
}

export const DEFAULT_PRECISION = 0.01;

export const ZONE_COLORS: Record<Zone, string> = {
  hijau: '#2e7d32',
  kuning: '#f9a825',
  merah: '#c62828',
};

export const ZONE_LABELS: Record<Zone, Words> = {
  hijau: { id: 'Zona Hijau', en: 'Green Zone' },
  kuning: { id: 'Zona Kuning', en: 'Yellow Zone' },
  merah: { id: 'Zona Merah', en: 'Red Zone' },
};
