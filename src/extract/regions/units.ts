// Units of a pemda named in text: "Dinas Kesehatan", "Puskesmas Neglasari", "RSUD Kota Tangerang",
// "Kecamatan Cikupa", "Perumda Tirta Benteng", "Disdukcapil". The name is kept as written.

/** Heads that open a unit name; the capitalised words after them complete it. */
const HEAD =
  /\b(?:Dinas|Badan|Kantor|Bagian|Sekretariat|Inspektorat|Puskesmas|RSUD|Rumah\s+Sakit\s+Umum\s+Daerah|Kecamatan|Kelurahan|UPTD|Perumda|Perusahaan\s+Umum\s+Daerah|PDAM|BUMD|Satuan\s+Polisi\s+Pamong\s+Praja)\b/gu;

/** Units known by their acronym alone. */
const ACRONYM =
  /\b(?:Satpol\s?PP|BPBD|Damkar|Disdukcapil|Dukcapil|Diskominfo|Dispusip|Disdik|Dinkes|Dinsos|Disnaker|Disperkim|Dishub|DLH|DPMPTSP|Bapenda|Bappeda|Bapperida|BKPSDM|BKD|BPKAD|Dispora|Disbudpar|Disporapar|DP3A|DPPKB|Inspektorat|Bagian\s+Organisasi)\b/u;

/** A capitalised word, an acronym, or "dan"/"dan" joining two (Dinas Pemuda dan Olahraga). */
const NAME_WORD = /^\s+(?:(?:dan|&)\s+)?(?:\p{Lu}[\p{L}\p{N}'-]*|\(\p{Lu}[\p{L} ]*\))/u;

export interface UnitMention {
  name: string;
  start: number;
  end: number;
}

/** The first unit named in `text` (a recipient phrase), or null. */
export function findUnit(text: string): UnitMention | null {
  HEAD.lastIndex = 0;
  const head = HEAD.exec(text);
  const acr = ACRONYM.exec(text);
  if (head && (!acr || head.index <= acr.index)) {
    let end = head.index + head[0].length;
    for (;;) {
      const m = NAME_WORD.exec(text.slice(end));
      if (!m) break;
      end += m[0].length;
    }
    // "Dinas" alone, or a trailing "dan", is not a name.
    const name = text
      .slice(head.index, end)
      .replace(/\s+(?:dan|&)$/u, '')
      .trim();
    if (name.includes(' ') || /^(?:RSUD|PDAM|Inspektorat)$/.test(name)) {
      return { name, start: head.index, end: head.index + name.length };
    }
  }
  if (acr) return { name: acr[0], start: acr.index, end: acr.index + acr[0].length };
  return null;
}

/**
 * The unit named right before a region ("Disdukcapil Kabupaten Lebak", "RSUD dr. Soetomo milik
 * Pemprov Jatim", "Perumda Tirta Benteng milik Pemkot Tangerang"): `text` ends where the region
 * name starts. Null when the words before the region are not a unit's name.
 */
export function unitBefore(text: string): UnitMention | null {
  const from = Math.max(0, text.length - 90);
  const tail = text.slice(from);
  const end = tail.replace(/(?:\s+milik)?[\s,]*$/u, '').length;
  HEAD.lastIndex = 0;
  const starts: number[] = [];
  for (let m = HEAD.exec(tail); m; m = HEAD.exec(tail)) starts.push(m.index);
  const acr = new RegExp(ACRONYM.source, 'gu');
  for (let m = acr.exec(tail); m; m = acr.exec(tail)) starts.push(m.index);
  for (const start of starts.sort((a, b) => a - b)) {
    const name = tail.slice(start, end);
    // Only capitalised words, "dan", "dr." and bracketed acronyms may sit between the head and the region.
    // "Kelurahan Sukasari, Kecamatan Tangerang": an administrative chain keeps its commas.
    if (
      !/^[\p{L}\p{N}]+(?:\s+(?:dan|&|dr\.|drg\.|\p{Lu}[\p{L}\p{N}.'-]*|\(\p{Lu}[\p{L} ]*\))|,\s+(?:Kecamatan|Kelurahan|Desa)\b)*$/u.test(
        name,
      )
    )
      continue;
    return { name, start: from + start, end: from + end };
  }
  return null;
}

/** Every unit named by its head word in `text` ("Kecamatan Cikupa", "Puskesmas Cibodasari"), in order. */
export function findUnits(text: string): UnitMention[] {
  const out: UnitMention[] = [];
  const re = new RegExp(HEAD.source, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const u = findUnit(text.slice(m.index));
    if (u?.start !== 0) continue;
    out.push({ name: u.name, start: m.index, end: m.index + u.name.length });
    re.lastIndex = m.index + u.name.length;
  }
  return out;
}
