import { z } from '@hono/zod-openapi';
import { AWARD_LEVELS } from '../../../reference/unit-types.ts';
import { FINDING_STATES } from '../../../services/intake/schemas.ts';
import { itemsOf, nullable, oneOf, oneOfOrNull, pageOf } from './common.ts';

// The news intake's answers (services/intake/): what an article gave, findings with their
// sources and quotes, the curator's decisions, and the watched sources with their health.

const int = () => z.number().int();
const span = { start: int(), end: int() };
const region = { code: z.string(), name: z.string() };

/** What a finding proposes: the award event as the extractor read it (services/intake/proposal.ts). */
const ProposalSchema = z
  .strictObject({
    title: z.string(),
    recipient: z.string().nullable(),
    awardingBody: z.string().nullable(),
    awardingBodyName: z.string().nullable(),
    level: z.enum(AWARD_LEVELS).nullable(),
    date: z.string().nullable(),
    category: z.string().nullable(),
    rank: z.string().nullable(),
    rankPosition: int().nullable(),
    score: z.number().nullable(),
    grade: z.string().nullable(),
    year: int().nullable(),
    recipientRegion: nullable(region).optional(),
    recipientUnit: z.string().nullable().optional(),
    recipientUnitId: int().nullable().optional(),
  })
  .openapi('Proposal');

const SLOTS = ['recipient', 'region', 'title', 'giver', 'date', 'rank', 'score', 'grade'] as const;
const SlotSourceSchema = z.strictObject({ ...span, confidence: z.number() });

export const FindingSchema = z
  .strictObject({
    id: int(),
    state: oneOf(FINDING_STATES),
    confidence: z.number(),
    proposal: ProposalSchema,
    matchedAwardId: int().nullable(),
    dismissedMatchAwardId: int().nullable(),
    awardId: int().nullable(),
    decidedBy: int().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    createdAt: z.string(),
    sources: z.array(
      z.strictObject({
        articleId: int(),
        articleTitle: z.string().nullable(),
        outlet: z.string().nullable(),
        url: z.string().nullable(),
        publishedOn: z.string().nullable(),
        quote: z.string(),
        ...span,
        slots: z.partialRecord(z.enum(SLOTS), SlotSourceSchema),
        offerDismissed: z.boolean(),
        articleText: z.string().optional().openapi({ description: 'Only in the single-finding view' }),
      }),
    ),
    pendingEvidence: z.array(int()).openapi({ description: 'Articles not yet evidence of its award' }),
    awards: z
      .array(z.strictObject({ id: int(), title: z.string(), state: z.string(), editionYear: int() }))
      .optional()
      .openapi({ description: 'Only in the single-finding view' }),
  })
  .openapi('Finding');

export const FindingsSchema = pageOf(FindingSchema).openapi('Findings');

const setAside = {
  id: int(),
  reason: z.string(),
  region: z.strictObject({ code: z.string().nullable(), name: z.string().nullable() }),
  proposal: ProposalSchema,
  quote: z.string(),
  ...span,
};
const articleRef = {
  articleId: int(),
  articleTitle: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
};

export const SetAsideSchema = pageOf(z.strictObject({ ...setAside, ...articleRef })).openapi(
  'SetAsideEvents',
);

export const ArticleSchema = z
  .strictObject({
    id: int(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    publishedOn: z.string().nullable(),
    sourceKind: z.string(),
    createdAt: z.string(),
    text: z.string(),
    claims: z.array(
      z.strictObject({
        count: int(),
        period: z.string().nullable(),
        subject: z.string().nullable(),
        quote: z.string(),
      }),
    ),
    findings: z.array(
      z.strictObject({
        id: int(),
        state: oneOf(FINDING_STATES),
        title: z.string(),
        confidence: z.number(),
        awardId: int().nullable(),
        matchedAwardId: int().nullable(),
        quote: z.string(),
        ...span,
      }),
    ),
    otherRegions: z.array(z.strictObject(setAside)),
  })
  .openapi('Article');

export const IngestSchema = z
  .strictObject({
    articles: z.array(
      z.strictObject({
        articleId: int(),
        title: z.string().nullable(),
        duplicate: z.boolean().openapi({ description: 'Taken in before: nothing was written' }),
        language: z.enum(['id', 'other']),
        findings: z.array(
          z.strictObject({
            id: int(),
            title: z.string(),
            outcome: z.enum(['new', 'source']),
            state: oneOf(FINDING_STATES),
            matchedAwardId: int().nullable(),
          }),
        ),
        claims: int(),
        otherRegions: int(),
      }),
    ),
  })
  .openapi('IngestResult');

export const DecisionSchema = z
  .strictObject({
    findingId: int(),
    state: oneOf(FINDING_STATES),
    awardId: int(),
    evidenceIds: z.array(int()),
  })
  .openapi('Decision');

export const RejectionSchema = z.strictObject({
  findingId: int(),
  state: oneOf(FINDING_STATES),
  reason: z.string().nullable(),
});

export const MatchDismissedSchema = z.strictObject({
  findingId: int(),
  state: oneOf(FINDING_STATES),
  matchedAwardId: int().nullable(),
});

export const EvidenceDismissedSchema = z.strictObject({
  findingId: int(),
  articleId: int(),
  offered: z.boolean(),
});

export const SourceSchema = z
  .strictObject({
    id: int(),
    name: z.string(),
    url: z.string(),
    kind: oneOf(['feed', 'sitemap', 'html']),
    outlet: z.string().nullable(),
    intervalMinutes: int(),
    active: z.boolean(),
    lastFetchAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastStatus: oneOfOrNull(['ok', 'not_modified', 'error']),
    lastError: z.string().nullable(),
    failures: int(),
    nextFetchAt: z.string().nullable(),
    articles: int(),
    findings: int(),
    itemErrors: int(),
    itemRetries: int(),
  })
  .openapi('NewsSource');

export const SourcesSchema = itemsOf(SourceSchema).openapi('NewsSources');

export const SourceDetailSchema = z
  .strictObject({
    ...SourceSchema.shape,
    errors: z
      .array(
        z.strictObject({
          url: z.string(),
          error: z.string().nullable(),
          seenAt: z.string(),
          attempts: int(),
          retryAt: z.string().nullable(),
        }),
      )
      .openapi({ description: 'Links that could not be taken in, with why (newest first)' }),
  })
  .openapi('NewsSourceDetail');

export const PollReportSchema = z
  .strictObject({
    sourceId: int(),
    name: z.string(),
    status: z.enum(['ok', 'not_modified', 'error']),
    error: z.string().nullable(),
    listed: int(),
    newLinks: int(),
    retried: int(),
    articles: int(),
    findings: int(),
    itemErrors: z.array(z.strictObject({ url: z.string(), error: z.string() })),
  })
  .openapi('PollReport');
