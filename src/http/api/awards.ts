import { createRoute, z } from '@hono/zod-openapi';
import { EDIT_ROLES, VERIFY_ROLES } from '../../services/access.ts';
import { listAudit } from '../../services/audit.ts';
import { hydrateAwards } from '../../services/awards/model.ts';
import { getAward, listAwards } from '../../services/awards/read.ts';
import {
  createAwardSchema,
  listAwardsQuerySchema,
  reasonSchema,
  updateAwardSchema,
} from '../../services/awards/schemas.ts';
import { reopenAward, returnAward, submitAward, verifyAward } from '../../services/awards/workflow.ts';
import { createAward, deleteAward, updateAward } from '../../services/awards/write.ts';
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
import { AuditEventsSchema, AwardDetailSchema, AwardPageSchema, AwardSchema } from './responses/award.ts';

// /api/v1/awards: the record, its workflow and its history. The public (no sign-in) sees
// verified, public records only; see services/access.ts for who may do what.

const tags = ['awards'];
const AwardInput = createAwardSchema.openapi('AwardInput');
const AwardPatch = updateAwardSchema.openapi('AwardPatch');

export function awardRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/awards',
      tags,
      summary: 'List awards with filters, sorting and stable pagination',
      request: { query: listAwardsQuerySchema },
      responses: { ...jsonOk('A page of awards', AwardPageSchema), ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps');
      return c.json(await listAwards(db.db, c.get('actor'), c.req.valid('query'), c.get('locale')), 200);
    },
  );

  app.openapi(
    guardedRoute(EDIT_ROLES, {
      method: 'post',
      path: '/awards',
      tags,
      summary: 'Create a draft award',
      request: jsonBody(AwardInput),
      responses: { ...jsonCreated('The new draft', AwardDetailSchema), ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps');
      const row = await createAward(db.db, actor, c.req.valid('json'));
      return c.json(await getAward(db.db, actor, row.id, c.get('locale')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/awards/{id}',
      tags,
      summary: 'One award with its evidence',
      request: { params: IdParam },
      responses: { ...jsonOk('The award', AwardDetailSchema), ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps');
      return c.json(await getAward(db.db, c.get('actor'), c.req.valid('param').id, c.get('locale')), 200);
    },
  );

  app.openapi(
    guardedRoute(EDIT_ROLES, {
      method: 'patch',
      path: '/awards/{id}',
      tags,
      summary: 'Change a draft or returned award (send `version` to guard against lost updates)',
      request: { params: IdParam, ...jsonBody(AwardPatch) },
      responses: { ...jsonOk('The changed award', AwardDetailSchema), ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps');
      const { id } = c.req.valid('param');
      await updateAward(db.db, actor, id, c.req.valid('json'));
      return c.json(await getAward(db.db, actor, id, c.get('locale')), 200);
    },
  );

  app.openapi(
    guardedRoute(EDIT_ROLES, {
      method: 'delete',
      path: '/awards/{id}',
      tags,
      summary: 'Delete a draft or returned award',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteAward(c.get('deps').db.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  const transitions = [
    {
      path: 'submit',
      summary: 'Submit for verification (draft or returned → submitted)',
      run: submitAward,
      reason: false,
      access: EDIT_ROLES,
    },
    {
      path: 'verify',
      summary: 'Verify (submitted → verified); verifikator or admin',
      run: verifyAward,
      access: VERIFY_ROLES,
      reason: false,
    },
    {
      path: 'return',
      summary: 'Return to the operator with a reason (submitted → returned)',
      run: returnAward,
      access: VERIFY_ROLES,
      reason: true,
    },
    {
      path: 'reopen',
      summary: 'Reopen a verified award with a reason (verified → returned)',
      run: reopenAward,
      access: VERIFY_ROLES,
      reason: true,
    },
  ] as const;
  for (const t of transitions) {
    app.openapi(
      guardedRoute(t.access, {
        method: 'post',
        path: `/awards/{id}/${t.path}`,
        tags,
        summary: t.summary,
        request: t.reason
          ? { params: IdParam, ...jsonBody(reasonSchema) }
          : {
              params: IdParam,
              body: {
                content: { 'application/json': { schema: z.object({}).passthrough() } },
                required: false,
              },
            },
        responses: { ...jsonOk('The award in its new state', AwardSchema), ...errorResponses },
      }),
      async (c) => {
        const actor = requireActor(c);
        const { db } = c.get('deps');
        const { id } = c.req.valid('param');
        const reason = t.reason ? (c.req.valid('json') as { reason: string }).reason : '';
        const row = await t.run(db.db, actor, id, reason);
        const [award] = await hydrateAwards(db.db, [row], c.get('locale'));
        return c.json(award, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/awards/{id}/history',
      tags,
      summary: 'Audit trail of an award: who changed what, when, before and after',
      request: { params: IdParam },
      responses: { ...jsonOk('Events, oldest first', AuditEventsSchema), ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps');
      const { id } = c.req.valid('param');
      await getAward(db.db, actor, id); // same visibility as the record itself
      return c.json({ items: await listAudit(db.db, 'award', id) }, 200);
    },
  );

  return app;
}
