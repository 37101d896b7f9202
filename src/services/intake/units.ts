// The home region's OrgUnit a recipient names: "Puskesmas Neglasari", "Pemkot Tangerang melalui
// BKPSDM Kota Tangerang" → BKPSDM. Only units of the home region are candidates, so a unit of a
// neighbour with the same name ("Dinas Kesehatan") is never credited to ours. The region's root
// unit (PEMDA) is not "a unit named": an award to "Pemerintah Kota Tangerang" goes to the region.

import type { Kysely } from 'kysely';
import type { Database, OrgUnitRow } from '../../db/schema.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';

/** The names to try, most specific first: the extractor's unit, then the parts of the recipient. */
export function unitCandidates(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const parts = text.split(/\b(?:melalui|yakni|yaitu|lewat|dan)\b|[,;()]/i).map((s) => s.trim());
    for (const part of [text.trim(), ...parts]) {
      if (part.length < 3) continue;
      out.add(part);
      // "BKPSDM Kota Tangerang" → "BKPSDM": units are stored without the region's name.
      out.add(part.replace(/\s+(?:Kota|Kabupaten|Kab\.|Provinsi)\s+\p{L}+(?:\s+\p{L}+)?$/u, '').trim());
    }
  }
  return [...out].filter((s) => s.length >= 3);
}

export async function resolveHomeUnit(
  db: Kysely<Database>,
  regionCode: string | null,
  ...texts: (string | null | undefined)[]
): Promise<OrgUnitRow | undefined> {
  const names = unitCandidates(...texts);
  if (!names.length) return undefined;
  let q = db.selectFrom('org_units').selectAll().where('unit_type', '!=', 'PEMDA');
  if (regionCode) q = q.where('region_id', '=', regionIdOrNone(regionCode));
  const units = await q.execute();
  for (const name of names) {
    const needle = name.toLowerCase();
    const hit = units.find((u) => u.name.toLowerCase() === needle || u.short_name?.toLowerCase() === needle);
    if (hit) return hit;
  }
  return undefined;
}
