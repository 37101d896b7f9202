import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonError } from '../errors.ts';

// Web pages (workspace and public showcase) are mounted here.
export function mountPages(_app: OpenAPIHono<AppEnv>): void {}

/** How an error looks on a page request. */
export function renderPageError(c: Context<AppEnv>, err: unknown): Response | Promise<Response> {
  return jsonError(c, err);
}
