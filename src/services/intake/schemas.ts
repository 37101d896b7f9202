import { z } from 'zod';
import { awardFields } from '../awards/schemas.ts';
import { dbId } from '../ids.ts';
import { webUrlSchema } from '../safe-url.ts';

// Bodies of the intake API, also used by the CLI. Award fields are the award schema's own, so an
// accepted finding is validated exactly like an award typed in by hand.

const optionalString = (max: number) => z.string().trim().max(max).nullish();

export const articleInputSchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    url: webUrlSchema().nullish(),
    outlet: optionalString(200),
    title: optionalString(500),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}/, 'published: tanggal terbit YYYY-MM-DD')
      .nullish(),
  })
  .strict()
  .refine((b) => (b.text === undefined) !== (b.html === undefined), {
    message: 'Kirim tepat satu dari "text" (teks berita) atau "html" (halaman berita)',
    path: ['text'],
  });
export type ArticleInput = z.output<typeof articleInputSchema>;

/** Accept with edits: any award field overrides what the finding proposed. */
export const acceptSchema = z.object(awardFields).partial().strict();
export type AcceptEdits = z.output<typeof acceptSchema>;

export const mergeSchema = z.object({ awardId: dbId() }).strict();

/** "Not evidence of this award": one late source of a decided finding, with an optional reason. */
export const dismissEvidenceSchema = z
  .object({ articleId: dbId(), reason: z.string().trim().max(1000).nullish() })
  .strict();

/** Undo of "not evidence": which of the finding's late sources to offer again. */
export const restoreEvidenceSchema = z.object({ articleId: dbId() }).strict();

export const FINDING_STATES = ['pending', 'accepted', 'merged', 'rejected'] as const;

export const listFindingsQuerySchema = z.object({
  state: z.enum(FINDING_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListFindingsQuery = z.output<typeof listFindingsQuerySchema>;

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
