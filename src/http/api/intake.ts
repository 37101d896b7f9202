import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CURATOR_ROLES } from '../../services/access.ts';
import { reasonSchema } from '../../services/awards/schemas.ts';
import { AppError, invalid } from '../../services/errors.ts';
import {
  acceptFinding,
  attachLateSources,
  type Decision,
  dismissLateSource,
  dismissMatch,
  mergeFinding,
  rejectFinding,
  restoreLateSource,
  restoreMatch,
} from '../../services/intake/decide.ts';
import { ingest } from '../../services/intake/ingest.ts';
import type { IntakeInput } from '../../services/intake/prepare.ts';
import { getArticle, getFinding, listFindings, listSetAside } from '../../services/intake/read.ts';
import {
  acceptSchema,
  articleInputSchema,
  dismissEvidenceSchema,
  listFindingsQuerySchema,
  mergeSchema,
  pageQuerySchema,
  restoreEvidenceSchema,
} from '../../services/intake/schemas.ts';
import { requireActor } from '../auth/session.ts';
import type { AppEnv } from '../env.ts';
import {
  apiRouter,
  errorResponses,
  fileErrorResponses,
  guardedRoute,
  IdParam,
  jsonBody,
  jsonCreated,
  jsonOk,
} from './openapi.ts';
import {
  ArticleSchema,
  DecisionSchema,
  EvidenceDismissedSchema,
  FindingSchema,
  FindingsSchema,
  IngestSchema,
  MatchDismissedSchema,
  RejectionSchema,
  SetAsideSchema,
} from './responses/intake.ts';

// /api/v1/intake: news articles in, award findings out, curator decisions. Curators (kurator)
// and admins only; everyone else gets 403, the public 401. See docs/intake.md.

const tags = ['intake'];
const ArticleInput = articleInputSchema.openapi('ArticleInput');
const ArticleUpload = z
  .object({
    file: z.any().openapi({ type: 'string', format: 'binary', description: '.txt, .html or RSS/Atom .xml' }),
    url: z.string().optional(),
    outlet: z.string().optional(),
    title: z.string().optional(),
    published: z.string().optional(),
  })
  .openapi('ArticleUpload');

export function intakeRoutes() {
  const app = apiRouter();

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/articles',
      tags,
      summary: 'Take in a news article (JSON text/html, or a multipart file) and find the awards it reports',
      request: {
        body: {
          content: {
            'application/json': { schema: ArticleInput },
            'multipart/form-data': { schema: ArticleUpload },
          },
          // Not `required`: with two media types that would run both validators on every body.
          required: false,
        },
      },
      responses: {
        ...jsonOk('Already taken in: nothing new', IngestSchema),
        ...jsonCreated('Stored, with its findings', IngestSchema),
        ...errorResponses,
        413: { ...fileErrorResponses[413], description: 'Article over the size limit' },
        415: { ...fileErrorResponses[415], description: 'Binary, not text/HTML/RSS' },
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = await readInput(c);
      const results = await ingest(c.get('deps').db.db, actor, input);
      return c.json({ articles: results }, results.some((r) => !r.duplicate) ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/intake/articles/{id}',
      tags,
      summary: 'One article: its text, claims and the findings quoted from it (with offsets)',
      request: { params: IdParam },
      responses: { ...jsonOk('The article', ArticleSchema), ...errorResponses },
    }),
    async (c) => c.json(await getArticle(c.get('deps').db.db, requireActor(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/intake/findings',
      tags,
      summary: 'Findings (newest first) with their sources and article titles',
      request: { query: listFindingsQuerySchema },
      responses: { ...jsonOk('Findings', FindingsSchema), ...errorResponses },
    }),
    async (c) => c.json(await listFindings(c.get('deps').db.db, requireActor(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/intake/other-regions',
      tags,
      summary:
        "Events kept out of the home queue: another region's awards, or no recipient in an article not about the home region",
      request: { query: pageQuerySchema },
      responses: {
        ...jsonOk('Set-aside events with their article and reason', SetAsideSchema),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listSetAside(c.get('deps').db.db, requireActor(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/intake/findings/{id}',
      tags,
      summary: 'One finding with the article texts and the quote offsets to highlight',
      request: { params: IdParam },
      responses: { ...jsonOk('The finding', FindingSchema), ...errorResponses },
    }),
    async (c) => c.json(await getFinding(c.get('deps').db.db, requireActor(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/findings/{id}/accept',
      tags,
      summary:
        'Accept: create a draft award with the articles as evidence (body fields override the proposal)',
      request: {
        params: IdParam,
        body: {
          content: { 'application/json': { schema: acceptSchema.openapi('AcceptEdits') } },
          required: false,
        },
      },
      responses: { ...jsonOk('The decision and the new award', DecisionSchema), ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      const edits = hasJson(c) ? c.req.valid('json') : {};
      const r = await acceptFinding(c.get('deps').db.db, actor, c.req.valid('param').id, edits);
      return c.json(decision(r), 200);
    },
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/findings/{id}/merge',
      tags,
      summary:
        'Merge: add the articles as evidence of an existing award (refused for verified awards: reopen first)',
      request: { params: IdParam, ...jsonBody(mergeSchema) },
      responses: { ...jsonOk('The decision', DecisionSchema), ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { awardId } = c.req.valid('json');
      const r = await mergeFinding(c.get('deps').db.db, actor, c.req.valid('param').id, awardId);
      return c.json(decision(r), 200);
    },
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/findings/{id}/reject',
      tags,
      summary: 'Reject with a reason',
      request: { params: IdParam, ...jsonBody(reasonSchema) },
      responses: { ...jsonOk('The decision', RejectionSchema), ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      const row = await rejectFinding(
        c.get('deps').db.db,
        actor,
        c.req.valid('param').id,
        c.req.valid('json').reason,
      );
      return c.json({ findingId: row.id, state: row.state, reason: row.decision_reason }, 200);
    },
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/findings/{id}/attach-sources',
      tags,
      summary:
        "Add a decided finding's late sources (its pendingEvidence) as evidence of its award (refused for verified awards: reopen first)",
      request: { params: IdParam },
      responses: { ...jsonOk('The award and the new evidence', DecisionSchema), ...errorResponses },
    }),
    async (c) => {
      const r = await attachLateSources(c.get('deps').db.db, requireActor(c), c.req.valid('param').id);
      return c.json(decision(r), 200);
    },
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/findings/{id}/dismiss-match',
      tags,
      summary:
        'Not the same award: a pending finding stops being offered as evidence of the award it matched (matchedAwardId → null); it stays pending',
      request: { params: IdParam },
      responses: { ...jsonOk('The finding, no longer matched', MatchDismissedSchema), ...errorResponses },
    }),
    async (c) => {
      const row = await dismissMatch(c.get('deps').db.db, requireActor(c), c.req.valid('param').id);
      return c.json({ findingId: row.id, state: row.state, matchedAwardId: row.matched_award_id }, 200);
    },
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/findings/{id}/dismiss-evidence',
      tags,
      summary:
        "Not evidence: one of a decided finding's late sources stops being offered (pendingEvidence) and is never attached",
      request: { params: IdParam, ...jsonBody(dismissEvidenceSchema) },
      responses: { ...jsonOk('The article, no longer offered', EvidenceDismissedSchema), ...errorResponses },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const { articleId, reason } = c.req.valid('json');
      await dismissLateSource(c.get('deps').db.db, requireActor(c), id, articleId, reason ?? null);
      return c.json({ findingId: id, articleId, offered: false }, 200);
    },
  );

  // The undo of the two dismissals above, as the review page offers them (…/batal there).
  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/findings/{id}/restore-match',
      tags,
      summary:
        'Undo "not the same award": the dismissed match of a pending finding is offered again (409 when none was dismissed)',
      request: { params: IdParam },
      responses: { ...jsonOk('The finding, matched again', MatchDismissedSchema), ...errorResponses },
    }),
    async (c) => {
      const row = await restoreMatch(c.get('deps').db.db, requireActor(c), c.req.valid('param').id);
      return c.json({ findingId: row.id, state: row.state, matchedAwardId: row.matched_award_id }, 200);
    },
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/findings/{id}/restore-evidence',
      tags,
      summary:
        'Undo "not evidence": a dismissed late source of a decided finding is offered as evidence again (409 when it was not dismissed)',
      request: { params: IdParam, ...jsonBody(restoreEvidenceSchema) },
      responses: { ...jsonOk('The article, offered again', EvidenceDismissedSchema), ...errorResponses },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const { articleId } = c.req.valid('json');
      await restoreLateSource(c.get('deps').db.db, requireActor(c), id, articleId);
      return c.json({ findingId: id, articleId, offered: true }, 200);
    },
  );

  return app;
}

/** What accept and merge answer: the finding's new state and the award the articles went to. */
const decision = (r: Decision) => ({
  findingId: r.finding.id,
  state: r.finding.state,
  awardId: r.award.id,
  evidenceIds: r.evidenceIds,
});

/** The accept body is optional: no body (or an empty one) accepts the proposal as it is. */
function hasJson(c: Context<AppEnv>): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json');
}

async function readInput(c: Context<AppEnv>): Promise<IntakeInput> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    // Validated by the route (articleInputSchema); parsed again here for its output type.
    const body = articleInputSchema.parse(await c.req.json());
    return {
      content: (body.text ?? body.html) as string,
      name: body.url ?? (body.html !== undefined ? 'artikel.html' : 'artikel.txt'),
      format: body.html !== undefined ? 'html' : 'text',
      url: body.url,
      outlet: body.outlet,
      title: body.title,
      published: body.published,
      sourceKind: 'api',
    };
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw invalid([
        { field: 'file', message: 'Lampirkan berkas berita di isian "file" (.txt, .html, .xml)' },
      ]);
    const text = (k: string) =>
      typeof form[k] === 'string' && (form[k] as string).trim() ? (form[k] as string) : null;
    return {
      content: new Uint8Array(await file.arrayBuffer()),
      name: file.name || 'unggahan',
      url: text('url'),
      outlet: text('outlet'),
      title: text('title'),
      published: text('published'),
      sourceKind: 'file',
    };
  }
  throw new AppError(
    'unsupported_media_type',
    'Kirim JSON {"text"|"html", ...} atau multipart/form-data dengan isian "file".',
  );
}
