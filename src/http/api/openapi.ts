import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema.ts';
import { roleLabel } from '../../domain/labels.ts';
import { REGION_CODE } from '../../reference/region-codes.ts';
import { type ErrorCode, forbidden } from '../../services/errors.ts';
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

/** The error codes a client can meet (services/errors.ts), and `internal` for a logged defect. */
const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
] as const satisfies readonly (ErrorCode | 'internal')[];

export const ErrorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().openapi({ enum: [...ERROR_CODES] }),
      message: z.string(),
      // A detail names the field (or row and column of an import) and what to fix.
      details: z.array(z.looseObject({ field: z.string().optional(), message: z.string() })),
    }),
  })
  .openapi('Error');

/** A yes/no query value: true, false, 1 or 0 (absent is no). */
export const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** The region a request is about, by its Kemendagri code. */
export const regionQuery = z
  .string()
  .regex(REGION_CODE, 'Kode wilayah Kemendagri seperti 36.71')
  .optional()
  .openapi({ example: '36.71', description: 'Default: the first region' });

export const IdParam = z.object({
  id: dbIdText().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

/** An error answer: the one error shape, with what this status means here. */
export const errorOf = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

export const errorResponses = {
  400: errorOf('Malformed request'),
  401: errorOf('Not signed in'),
  403: errorOf('Not allowed for this role or unit'),
  404: errorOf('Not found'),
  409: errorOf('Conflicting state'),
  422: errorOf('Validation failed'),
} as const;

/** The errors of routes that take a file: too large, or not a type they read. */
export const fileErrorResponses = {
  413: errorOf('Too large'),
  415: errorOf('Not a file type this route reads'),
} as const;

/** A JSON answer and the schema that describes it (see src/http/api/responses/). */
export const jsonOk = <S extends z.ZodType>(description: string, schema: S) => ({
  200: { description, content: { 'application/json': { schema } } },
});

export const jsonCreated = <S extends z.ZodType>(description: string, schema: S) => ({
  201: { description, content: { 'application/json': { schema } } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true as const },
});
