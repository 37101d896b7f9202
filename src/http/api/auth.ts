import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { checkLogin } from '../../auth/login.ts';
import { endSession, requireActor, startSession } from '../auth/session.ts';
import type { AppEnv } from '../env.ts';
import { apiRouter, errorOf, errorResponses, guardedRoute, jsonBody, jsonOk } from './openapi.ts';
import { LoginResultSchema, MeSchema } from './responses/accounts.ts';

const tags = ['auth'];
const LoginSchema = z
  .object({ email: z.string().trim().min(3).max(200), password: z.string().min(1).max(200) })
  .openapi('Login');

/** The client address for throttling; tests without a socket count as one client. */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

export function authRoutes() {
  const app = apiRouter();
  app.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/auth/login',
      tags,
      summary: 'Sign in: sets an HttpOnly session cookie and returns the CSRF token for later changes',
      request: jsonBody(LoginSchema),
      responses: {
        ...jsonOk('Signed in', LoginResultSchema),
        ...errorResponses,
        429: errorOf('Too many failed sign-ins: wait, then try again'),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const user = await checkLogin(c.get('deps').db.db, email, password, clientAddress(c));
      const csrfToken = await startSession(c, user.id);
      return c.json(
        {
          user: { id: user.id, email: user.email, name: user.name, role: user.role, unitId: user.unit_id },
          csrfToken,
        },
        200,
      );
    },
  );
  app.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/auth/logout',
      tags,
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      await endSession(c);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags,
      summary: 'Who am I',
      responses: { ...jsonOk('The caller', MeSchema), ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json(
        {
          id: actor.id,
          email: actor.label,
          role: actor.role,
          unitId: actor.unitId,
          csrfToken: c.get('csrfToken'),
        },
        200,
      );
    },
  );
  return app;
}
