import { createRoute } from '@hono/zod-openapi';
import { ADMIN_ROLES } from '../../services/access.ts';
import {
  createField,
  createFieldSchema,
  listFields,
  listFieldsQuerySchema,
  removeField,
  updateField,
  updateFieldSchema,
} from '../../services/fields.ts';
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
import { FieldRemovalSchema, FieldSchema, FieldsSchema } from './responses/reference.ts';

// /api/v1/fields: the bidang taxonomy, named in the request's language (?lang=en).

const tags = ['fields'];
const FieldInput = createFieldSchema;
const FieldPatch = updateFieldSchema;

export function fieldRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/fields',
      tags,
      summary: 'Fields in display order; retired ones only with includeRetired=1',
      request: { query: listFieldsQuerySchema },
      responses: { ...jsonOk('Fields', FieldsSchema), ...errorResponses },
    }),
    async (c) => {
      const { includeRetired } = c.req.valid('query');
      return c.json({ items: await listFields(c.get('deps').db.db, c.get('locale'), includeRetired) }, 200);
    },
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'post',
      path: '/fields',
      tags,
      summary: 'Add a field (admin)',
      request: jsonBody(FieldInput),
      responses: { ...jsonCreated('The new field', FieldSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await createField(c.get('deps').db.db, requireActor(c), c.req.valid('json'), c.get('locale')),
        201,
      ),
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'patch',
      path: '/fields/{id}',
      tags,
      summary: 'Rename, reorder, retire (active=false) or bring back a field (admin)',
      request: { params: IdParam, ...jsonBody(FieldPatch) },
      responses: { ...jsonOk('The changed field', FieldSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateField(
          c.get('deps').db.db,
          requireActor(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          c.get('locale'),
        ),
        200,
      ),
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'delete',
      path: '/fields/{id}',
      tags,
      summary: 'Delete an unused field; a field awards use is retired instead (outcome says which)',
      request: { params: IdParam },
      responses: {
        ...jsonOk('Deleted, or retired when awards use it', FieldRemovalSchema),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await removeField(c.get('deps').db.db, requireActor(c), c.req.valid('param').id), 200),
  );

  return app;
}
