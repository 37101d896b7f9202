/** A score band of a numeric scale, both ends inclusive, as the scales API takes it. */
export const band = (code: string, lower: number, upper: number, over: Record<string, unknown> = {}) => ({
  code,
  label: `Kategori ${code}`,
  lower,
  lowerInclusive: true,
  upper,
  upperInclusive: true,
  ...over,
});
