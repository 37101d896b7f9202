import { createRoute } from '@hono/zod-openapi';
import {
  adminCreateUser,
  createOwnToken,
  createTokenSchema,
  createUserSchema,
  listOwnTokens,
  listUsers,
  revokeOwnToken,
  updateUser,
  updateUserSchema,
} from '../../auth/accounts.ts';
import { ADMIN_ROLES } from '../../services/access.ts';
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
import { NewTokenSchema, TokensSchema, UserSchema, UsersSchema } from './responses/accounts.ts';

// /api/v1/users: the admin's user list, and /api/v1/users/me/tokens: each user's own API tokens
// (the clear token is shown once, in the answer to POST; only its SHA-256 is stored).

const tags = ['users'];
const UserInput = createUserSchema;
const UserPatch = updateUserSchema;
const TokenInput = createTokenSchema;

export function userRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags,
      summary: 'All users (admin)',
      responses: { ...jsonOk('Users', UsersSchema), ...errorResponses },
    }),
    async (c) => c.json({ items: await listUsers(c.get('deps').db.db, requireActor(c)) }, 200),
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'post',
      path: '/users',
      tags,
      summary: 'Add a user (admin); operators need a unitId',
      request: jsonBody(UserInput),
      responses: { ...jsonCreated('The new user', UserSchema), ...errorResponses },
    }),
    async (c) => {
      const user = await adminCreateUser(c.get('deps').db.db, requireActor(c), c.req.valid('json'));
      return c.json(user, 201);
    },
  );

  app.openapi(
    guardedRoute(ADMIN_ROLES, {
      method: 'patch',
      path: '/users/{id}',
      tags,
      summary: 'Change role, unit, name, active, or reset the password (admin; ends that user’s sessions)',
      request: { params: IdParam, ...jsonBody(UserPatch) },
      responses: { ...jsonOk('The changed user', UserSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateUser(c.get('deps').db.db, requireActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users/me/tokens',
      tags,
      summary: 'My API tokens (names and dates; never the token itself)',
      responses: { ...jsonOk('Tokens', TokensSchema), ...errorResponses },
    }),
    async (c) => c.json({ items: await listOwnTokens(c.get('deps').db.db, requireActor(c)) }, 200),
  );

  app.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/users/me/tokens',
      tags,
      summary: 'Create an API token for me; `token` is in this answer only — copy it now',
      request: jsonBody(TokenInput),
      responses: { ...jsonCreated('The token, shown this once', NewTokenSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(await createOwnToken(c.get('deps').db.db, requireActor(c), c.req.valid('json').name), 201),
  );

  app.openapi(
    guardedRoute('signed-in', {
      method: 'delete',
      path: '/users/me/tokens/{id}',
      tags,
      summary: 'Revoke one of my API tokens',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      await revokeOwnToken(c.get('deps').db.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return app;
}
