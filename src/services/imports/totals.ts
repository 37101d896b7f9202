import type { HeaderMap } from './rows.ts';
import { type Cell, cellText, parseDate } from './values.ts';

// Office recaps end with a JUMLAH or TOTAL row ("JUMLAH | | 26"). It is not an award and not
// a mistake: the import skips it and says so. A row counts as one when its first filled cell
// (or its title) says jumlah/total and it has no valid date — an award happened on a day.

const TOTAL_WORD = /^\s*(?:jumlah|jml\.?|total|grand\s*total|sub\s*total|subtotal)\b/i;

export function isTotalRow(cells: Cell[], headers: HeaderMap): boolean {
  const at = (k: 'title' | 'receivedOn') => {
    const h = headers.byKey.get(k);
    return h ? (cells[h.index] ?? null) : null;
  };
  const title = cellText(at('title'));
  const first = title ?? cells.find((c) => c !== null && typeof c === 'string');
  if (typeof first !== 'string' || !TOTAL_WORD.test(first)) return false;
  // The count is sometimes typed under Tanggal; a real date means a real award. (Asked only
  // of rows that say jumlah/total: reading every row's date twice showed in the profile.)
  const date = parseDate(at('receivedOn'));
  return !(date.ok && date.value !== null);
}
