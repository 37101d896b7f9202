import { z } from 'zod';

// Bodies for registering and changing a watched source (API, page and CLI share them).

export const SOURCE_KINDS = ['feed', 'sitemap', 'html'] as const;

const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^https?:\/\/[^\s/]+/i.test(s), {
    message: 'url: alamat lengkap http:// atau https://, mis. https://tangerangkota.go.id/berita/rss',
  });

export const createSourceSchema = z
  .object({
    url: webUrl,
    kind: z.enum(SOURCE_KINDS, {
      message: 'kind: "feed" (RSS/Atom), "sitemap", atau "html" (halaman daftar berita)',
    }),
    name: z.string().trim().min(2, 'name: nama sumber, mis. "Berita Pemkot"').max(200),
    outlet: z.string().trim().max(200).nullish(),
    intervalMinutes: z.coerce
      .number()
      .int()
      .min(5, 'intervalMinutes: paling sering tiap 5 menit')
      .max(10_080, 'intervalMinutes: paling jarang seminggu sekali (10080)')
      .default(60),
  })
  .strict();
export type CreateSource = z.output<typeof createSourceSchema>;

export const updateSourceSchema = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    outlet: z.string().trim().max(200).nullish(),
    intervalMinutes: z.coerce.number().int().min(5).max(10_080).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateSource = z.output<typeof updateSourceSchema>;
