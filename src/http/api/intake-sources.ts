import { createRoute } from '@hono/zod-openapi';
import { CURATOR_ROLES } from '../../services/access.ts';
import { pollSourceNow } from '../../services/intake/watch/poll.ts';
import {
  createSource,
  getSource,
  listSources,
  sourceItemErrors,
  updateSource,
} from '../../services/intake/watch/registry.ts';
import { createSourceSchema, updateSourceSchema } from '../../services/intake/watch/schemas.ts';
import { requireActor } from '../auth/session.ts';
import {
  apiRouter,
  errorResponses,
  guardedRoute,
  IdParam,
  jsonBody,
  jsonCreated,
  jsonOk,
} from './openapi.ts';
import { PollReportSchema, SourceDetailSchema, SourceSchema, SourcesSchema } from './responses/intake.ts';

// /api/v1/intake/sources: news sources Prestasi watches (RSS/Atom, sitemaps, "berita" list
// pages) and their health. Curators and admins only. See docs/intake.md "Watched sources".

const tags = ['intake'];

export function intakeSourceRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/intake/sources',
      tags,
      summary: 'Watched sources with their health: last fetch, last error, articles, findings',
      responses: { ...jsonOk('Sources', SourcesSchema), ...errorResponses },
    }),
    async (c) => c.json({ items: await listSources(c.get('deps').db.db, requireActor(c)) }, 200),
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/sources',
      tags,
      summary: 'Register a source to watch (kind feed | sitemap | html), polled every intervalMinutes',
      request: jsonBody(createSourceSchema.openapi('NewsSourceInput')),
      responses: { ...jsonCreated('The source', SourceSchema), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const source = await createSource(deps.db.db, requireActor(c), c.req.valid('json'), {
        allowPrivate: deps.config.intakeWatchAllowPrivate,
      });
      return c.json(source, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/intake/sources/{id}',
      tags,
      summary: 'One source: its health and the links that could not be taken in (with why)',
      request: { params: IdParam },
      responses: { ...jsonOk('The source and its failed links', SourceDetailSchema), ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps').db;
      const actor = requireActor(c);
      const id = c.req.valid('param').id;
      return c.json(
        { ...(await getSource(db, actor, id)), errors: await sourceItemErrors(db, actor, id) },
        200,
      );
    },
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'patch',
      path: '/intake/sources/{id}',
      tags,
      summary: 'Rename, change the interval, or (de)activate a source',
      request: { params: IdParam, ...jsonBody(updateSourceSchema.openapi('NewsSourcePatch')) },
      responses: { ...jsonOk('The source', SourceSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateSource(
          c.get('deps').db.db,
          requireActor(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  );

  app.openapi(
    guardedRoute(CURATOR_ROLES, {
      method: 'post',
      path: '/intake/sources/{id}/poll',
      tags,
      summary: 'Poll one source now (the same round the watcher runs), and answer its report',
      request: { params: IdParam },
      responses: { ...jsonOk('The poll report', PollReportSchema), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const actor = requireActor(c);
      const id = c.req.valid('param').id;
      // Bounded for a request: one try per link, a shorter timeout, a few links (the watcher takes the rest).
      const report = await pollSourceNow(deps.db.db, actor, id, {
        allowPrivate: deps.config.intakeWatchAllowPrivate,
        retries: 0,
        timeoutMs: 10_000,
        maxItemsPerPoll: 5,
      });
      return c.json(report, 200);
    },
  );

  return app;
}
