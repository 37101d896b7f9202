import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dbIdText } from '../../services/ids.ts';
import type { AppEnv } from '../env.ts';
import { zodDetails } from '../errors.ts';

// Shared pieces for API routers: a router whose validation failures answer 422 in the
// project's error shape, and the small schemas every route repeats.

export function apiRouter() {
  return new OpenAPIHono<AppEnv>({
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
