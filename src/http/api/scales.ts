import { createRoute, z } from '@hono/zod-openapi';
import { scaleSchema, scaleVersionSchema } from '../../domain/grading/index.ts';
import { ADMIN_ROLES } from '../../services/access.ts';
import { gradeQuery } from '../../services/scales/grade.ts';
import { getScale, listScales } from '../../services/scales/read.ts';
import { addScaleVersion, createScale } from '../../services/scales/write.ts';
import { requireActor } from '../auth/session.ts';
import { apiRouter, errorResponses, guardedRoute, jsonBody, jsonCreated, jsonOk } from './openapi.ts';
import {
  GradeSchema,
  NewScaleResultSchema,
  NewVersionResultSchema,
  ScaleSchema,
  ScalesSchema,
} from './responses/reference.ts';

// /api/v1/scales: the grading scales (read by anyone), new scales and versions (admin), and
// /api/v1/grade, which grades one score with the version in force for a year (anyone: the
// award form shows the grade while the score is typed).

const tags = ['scales'];

const ScaleParam = z.object({
  id: z
    .string()
    .max(60)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ombudsman-kepatuhan' }),
});

// The domain schemas are built before zod-openapi extends zod, so they are re-wrapped here.
const NewScale = z.object(scaleSchema.shape).openapi('NewScale');
const NewVersion = z
  .object({
    ...scaleVersionSchema.shape,
    supersede: z
      .boolean()
      .optional()
      .openapi({ description: 'End the older version still in force the year before this one starts' }),
  })
  .openapi('NewScaleVersion');

const GradeRequest = z
  .object({
    scaleId: z.string().trim().min(1).max(60),
    year: z.number().int().min(1900).max(2200),
    score: z.number().finite().nullish(),
    opinion: z.string().trim().max(100).nullish(),
  })
  .strict()
  .openapi('GradeRequest', { example: { scaleId: 'ombudsman-kepatuhan', year: 2024, score: 94.76 } });

export function scaleRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/scales',
      tags,
      summary: 'Every grading scale with its versions, bands, years in force, legal basis and confidence',
      responses: { ...jsonOk('Scales', ScalesSchema), ...errorResponses },
    }),
    async (c) => c.json({ items: await listScales(c.get('deps').db.db) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/scales/{id}',
      tags,
      summary: 'One grading scale',
      request: { params: ScaleParam },
      responses: { ...jsonOk('The scale', ScaleSchema), ...errorResponses },
    }),
    async (c) => c.json(await getScale(c.get('deps').db.db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'post',
      path: '/scales',
      tags,
      summary: 'Add a scale with its first version(s) (admin)',
      request: jsonBody(NewScale),
      responses: {
        ...jsonCreated('The new scale and the re-graded award ids', NewScaleResultSchema),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const result = await createScale(db.db, requireActor(c), c.req.valid('json'));
      return c.json({ ...(await getScale(db.db, result.scale.id)), regraded: result.regraded }, 201);
    },
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'post',
      path: '/scales/{id}/versions',
      tags,
      summary:
        'Add a version (admin). 422 names the bands that leave a gap or overlap; 409 when its years are already covered. Re-grades the awards of its years, verified ones included.',
      request: { params: ScaleParam, ...jsonBody(NewVersion) },
      responses: {
        ...jsonCreated('The scale with its new version and the re-graded award ids', NewVersionResultSchema),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const { supersede, ...version } = c.req.valid('json');
      const { id } = c.req.valid('param');
      const r = await addScaleVersion(db.db, requireActor(c), id, version, { supersede });
      return c.json(
        {
          scale: await getScale(db.db, id),
          version: r.version,
          superseded: r.superseded,
          regraded: r.regraded,
          unchanged: r.unchanged,
        },
        201,
      );
    },
  );

  app.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/grade',
      tags,
      summary: 'Grade a score (or a BPK opinion) with the scale version in force for the year',
      request: jsonBody(GradeRequest),
      responses: { ...jsonOk('The grade', GradeSchema), ...errorResponses },
    }),
    async (c) => {
      const g = await gradeQuery(c.get('deps').db.db, c.req.valid('json'));
      return c.json({ scale: g.scale, version: g.version, code: g.code, label: g.label, zone: g.zone }, 200);
    },
  );

  return app;
}
