import { createRoute } from '@hono/zod-openapi';
import { ADMIN_ROLES } from '../../services/access.ts';
import {
  createGiver,
  createGiverSchema,
  getGiver,
  listGivers,
  listGiversQuerySchema,
  updateGiver,
  updateGiverSchema,
} from '../../services/givers.ts';
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
import { GiverSchema, GiversSchema } from './responses/reference.ts';

// /api/v1/awarding-bodies: the giver look-up (public: the showcase names givers too) and the
// admin's edits. Bodies are never deleted: set validTo and a successor when one is renamed.

const tags = ['awarding-bodies'];
const GiverInput = createGiverSchema;
const GiverPatch = updateGiverSchema;

export function giverRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/awarding-bodies',
      tags,
      summary:
        'Givers; `q` searches name, abbreviation and aliases (case- and punctuation-insensitive), best match first',
      request: { query: listGiversQuerySchema },
      responses: { ...jsonOk('Givers with validity and successor', GiversSchema), ...errorResponses },
    }),
    async (c) => c.json({ items: await listGivers(c.get('deps').db.db, c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/awarding-bodies/{id}',
      tags,
      summary: 'One giver',
      request: { params: IdParam },
      responses: { ...jsonOk('The giver', GiverSchema), ...errorResponses },
    }),
    async (c) => c.json(await getGiver(c.get('deps').db.db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'post',
      path: '/awarding-bodies',
      tags,
      summary: 'Add a giver (admin)',
      request: jsonBody(GiverInput),
      responses: { ...jsonCreated('The new giver', GiverSchema), ...errorResponses },
    }),
    async (c) => c.json(await createGiver(c.get('deps').db.db, requireActor(c), c.req.valid('json')), 201),
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'patch',
      path: '/awarding-bodies/{id}',
      tags,
      summary: 'Change a giver: names, aliases, level, validity, successor (admin)',
      request: { params: IdParam, ...jsonBody(GiverPatch) },
      responses: { ...jsonOk('The changed giver', GiverSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateGiver(c.get('deps').db.db, requireActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  return app;
}
