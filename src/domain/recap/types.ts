// The minimal shape the recap functions need from an award. Queries map rows to this; tests
// write it by hand. Everything but `id` and `editionYear` is optional so that partial
// records (imported spreadsheets, news findings) still count.

import type { Zone } from '../grading/types.ts';

export interface AwardFact {
  id: string | number;
  /** Edition (programme/assessment) year: "SPM Awards 2025" → 2025; BPK: the fiscal year. */
  editionYear: number;
  /** ISO date the award was handed over, when known. */
  receivedOn?: string | null;
  title?: string | null;
  fieldCode?: string | null;
  level?: string | null;
  giverCode?: string | null;
  unitId?: string | number | null;
  /** Materialised path of the recipient unit: '/1/5/12/' (root first, ids between slashes). */
  unitPath?: string | null;
  /** A team award: every recipient unit's path. The award still counts once per subtree. */
  unitPaths?: readonly string[] | null;
  /** Same programme from the same giver for the same recipient across years. */
  seriesKey?: string | null;
  scaleId?: string | null;
  score?: number | null;
  gradeCode?: string | null;
  gradeLabel?: string | null;
  zone?: Zone | null;
  /** Status or certificate: 'WTP', 'WBK' … */
  statusLabel?: string | null;
  rankPosition?: number | null;
}

export interface UnitRef {
  id: string | number;
  /** Materialised path, ending in this unit's id: '/1/5/'. */
  path: string;
  name?: string;
}
