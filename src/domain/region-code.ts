// A region's id is its Kemendagri code as a number: "36.71" (Kota Tangerang) -> 3671, the
// province "36" (Banten) -> 36. Kabupaten/kota codes are always PP.KK, so the id is unique and
// either form converts to the other without a look-up.

const CODE = /^(\d{2})(?:\.(\d{2}))?$/;

export const isRegionCode = (code: string): boolean => CODE.test(code);

export function regionIdOf(code: string): number {
  const m = CODE.exec(code);
  if (!m) throw new Error(`"${code}" is not a Kemendagri region code (e.g. 36 or 36.71)`);
  return Number(m[1] + (m[2] ?? ''));
}

export function regionCodeOf(id: number): string {
  if (id < 100) return String(id).padStart(2, '0');
  return `${String(Math.floor(id / 100)).padStart(2, '0')}.${String(id % 100).padStart(2, '0')}`;
}

/** The province a region belongs to ("36.71" -> 36); a province is its own. */
export const provinceIdOf = (id: number): number => (id < 100 ? id : Math.floor(id / 100));

/** For filters from outside input: a code that is not one matches no region (-1) instead of failing. */
export const regionIdOrNone = (code: string): number => (isRegionCode(code) ? regionIdOf(code) : -1);
