import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema.ts';
import { roleLabel } from '../../domain/labels.ts';
import { forbidden } from '../../services/errors.ts';
import { dbIdText } from '../../services/ids.ts';
import { requireActor } from '../auth/session.ts';
import type { AppEnv } from '../env.ts';
import { zodDetails } from '../errors.ts';
import { rejectNulBytes } from '../guards.ts';

// Shared pieces for API routers: a router whose validation failures answer 422 in the
// project's error shape, and the small schemas every route repeats.

/**
 * Who may call a route: anyone, any signed-in user, or only some roles. It is checked by route
 * middleware, which @hono/zod-openapi runs *before* the validators: a caller without the right
 * gets 401/403 whatever the body holds, and never the body's validation details.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

const GUARD = Symbol('access guard');
type Guard = MiddlewareHandler<AppEnv> & { [GUARD]?: Access };

function accessGuard(access: Access): Guard {
  const guard: Guard = async (c, next) => {
    if (access === 'public') return next();
    const actor = requireActor(c);
    if (access !== 'signed-in' && !access.includes(actor.role))
      throw forbidden(
        `Peran ${roleLabel('id', actor.role)} tidak boleh melakukan ini; yang boleh: ${access.map((r) => roleLabel('id', r)).join(', ')}.`,
      );
    return next();
  };
  guard[GUARD] = access;
  return guard;
}

/** createRoute with its access rule, documented in the OpenAPI description as `x-access`. */
export function guardedRoute<P extends string, R extends Omit<RouteConfig, 'path'> & { path: P }>(
  access: Access,
  config: R,
) {
  return createRoute({
    ...config,
    // Who may call comes first; only then is the body read (NUL and depth checks, then the schema).
    middleware: [accessGuard(access), rejectNulBytes],
    'x-access': access === 'public' || access === 'signed-in' ? access : access.join(','),
  });
}

const declaresAccess = (route: RouteConfig) =>
  [route.middleware ?? []].flat().some((m) => (m as Guard)[GUARD] !== undefined);

export function apiRouter() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(
          {
            error: {
              code: 'validation_failed',
              message: 'Data tidak valid: perbaiki isian yang disebut.',
              details: zodDetails(result.error),
            },
          },
          422,
        );
      }
    },
  });
  // Structural rule: a route that changes something cannot be registered without its access
  // rule, so "auth before validation" cannot be forgotten on a new route.
  const register = app.openapi.bind(app);
  app.openapi = ((route: RouteConfig, ...rest: unknown[]) => {
    if (route.method !== 'get' && !declaresAccess(route))
      throw new Error(
        `${route.method.toUpperCase()} ${route.path}: declare who may call it with guardedRoute()`,
      );
    return (register as (...args: unknown[]) => unknown)(route, ...rest);
  }) as typeof app.openapi;
  return app;
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ field: z.string().optional(), message: z.string() }).passthrough()),
    }),
  })
  .openapi('Error');

export const IdParam = z.object({
  id: dbIdText().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

/** Any JSON object: responses are documented by example rather than a second schema. */
export const AnyObject = z.object({}).passthrough();

export const errorResponses = {
  400: { description: 'Malformed request', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
  403: {
    description: 'Not allowed for this role or unit',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorSchema } } },
  409: { description: 'Conflicting state', content: { 'application/json': { schema: ErrorSchema } } },
  422: { description: 'Validation failed', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const jsonOk = (description: string, schema: z.ZodType = AnyObject) => ({
  200: { description, content: { 'application/json': { schema } } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true as const },
});
