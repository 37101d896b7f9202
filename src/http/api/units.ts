import { createRoute, z } from '@hono/zod-openapi';
import { regionCodeOf } from '../../domain/region-code.ts';
import { UNIT_TYPES } from '../../reference/unit-types.ts';
import { ADMIN_ROLES, assertAdmin } from '../../services/access.ts';
import { notFound } from '../../services/errors.ts';
import { dbId } from '../../services/ids.ts';
import { actorRegionCode } from '../../services/regions.ts';
import { noNul } from '../../services/safe-text.ts';
import {
  createUnit,
  getRegion,
  getUnit,
  listRegions,
  listUnits,
  unitNameSchema,
  unitShortNameSchema,
  updateUnit,
} from '../../services/units.ts';
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
import { RegionSchema, RegionsSchema, UnitSchema, UnitsSchema } from './responses/reference.ts';

// /api/v1/units and /api/v1/regions: the organisation tree. Unit names are public
// information (the showcase names the units behind awards), so reading needs no sign-in.

const tags = ['units'];

const name = unitNameSchema;
const shortName = unitShortNameSchema.nullish();
const UnitInput = z
  .object({
    parentId: dbId().nullish(),
    name,
    shortName,
    unitType: z.enum(UNIT_TYPES, { message: `Jenis unit: ${UNIT_TYPES.join(', ')}` }),
    regionCode: z
      .string()
      .trim()
      .max(10)
      .refine(...noNul)
      .optional(),
  })
  .strict()
  .openapi('UnitInput');
const UnitPatch = z.object({ name, shortName, active: z.boolean() }).partial().strict().openapi('UnitPatch');
const UnitsQuery = z.object({
  region: z
    .string()
    .trim()
    .max(10)
    .refine(...noNul)
    .optional(),
  includeInactive: z.enum(['0', '1', 'true', 'false']).optional(),
});

export function unitRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regions',
      tags,
      summary: 'Regions (pemda) kept in this installation',
      responses: { ...jsonOk('Regions', RegionsSchema), ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps').db;
      const [items, current] = await Promise.all([listRegions(db), getRegion(db)]);
      return c.json({ current: current?.code ?? null, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regions/current',
      tags,
      summary: "The caller's region (the public: the first one configured)",
      responses: { ...jsonOk('The region', RegionSchema), ...errorResponses },
    }),
    async (c) => {
      const region = await getRegion(c.get('deps').db.db, actorRegionCode(c.get('actor')));
      if (!region) throw notFound('Wilayah', '(belum dibuat: jalankan prestasi demo)');
      return c.json(region, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units',
      tags,
      summary: 'The unit tree in tree order (parents before children; depth and parentId give the shape)',
      request: { query: UnitsQuery },
      responses: { ...jsonOk('Units', UnitsSchema), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const all = await listUnits(c.get('deps').db.db, q.region);
      const withInactive = q.includeInactive === '1' || q.includeInactive === 'true';
      return c.json({ items: withInactive ? all : all.filter((u) => u.active) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}',
      tags,
      summary: 'One unit',
      request: { params: IdParam },
      responses: { ...jsonOk('The unit', UnitSchema), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await getUnit(c.get('deps').db.db, id), 200);
    },
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'post',
      path: '/units',
      tags,
      summary: 'Add a unit under a parent (admin)',
      request: jsonBody(UnitInput),
      responses: { ...jsonCreated('The new unit', UnitSchema), ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      assertAdmin(actor);
      const { db } = c.get('deps').db;
      const input = c.req.valid('json');
      const row = await createUnit(db, actor, input);
      return c.json(await getUnit(db, row.id, regionCodeOf(row.region_id)), 201);
    },
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'patch',
      path: '/units/{id}',
      tags,
      summary: 'Rename, change the short name, or (de)activate a unit (admin)',
      request: { params: IdParam, ...jsonBody(UnitPatch) },
      responses: { ...jsonOk('The changed unit', UnitSchema), ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').db;
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      await updateUnit(db, actor, id, {
        ...patch,
        shortName: patch.shortName === undefined ? undefined : patch.shortName || null,
      });
      return c.json(await getUnit(db, id), 200);
    },
  );

  return app;
}
