import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import { authRoutes } from './api/auth.ts';
import { awardRoutes } from './api/awards.ts';
import { evidenceRoutes } from './api/evidence.ts';
import { exportRoutes } from './api/exports.ts';
import { fieldRoutes } from './api/fields.ts';
import { giverRoutes } from './api/givers.ts';
import { importRoutes } from './api/imports.ts';
import { intakeRoutes } from './api/intake.ts';
import { intakeSourceRoutes } from './api/intake-sources.ts';
import { recapAsPublic } from './api/public-recap.ts';
import { recapRoutes } from './api/recap.ts';
import { scaleRoutes } from './api/scales.ts';
import { unitRoutes } from './api/units.ts';
import { userRoutes } from './api/users.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { uploadTooLarge } from './pages/awards/evidence.tsx';
import { mountPages, renderPageError } from './pages/index.ts';
import { isShowcasePath } from './pages/showcase/index.tsx';
import { createShell, type Routes } from './shell.ts';

// The one Hono app: JSON API under /api/v1 (documented at /api/v1/openapi.json), web pages
// and static assets elsewhere, inside the middleware of shell.ts. Routers are mounted here;
// each feature owns its router file. `prestasi serve` loads this file after it listens
// (server.ts), so start-up does not wait for the routers.

// One line per feature router; a feature's routes live in its own file under api/ or pages/.
const apiRouters = [
  authRoutes,
  awardRoutes,
  evidenceRoutes,
  unitRoutes,
  giverRoutes,
  fieldRoutes,
  userRoutes,
  scaleRoutes,
  recapRoutes,
  importRoutes,
  exportRoutes,
  intakeRoutes,
  intakeSourceRoutes,
];

function mount(app: Hono<AppEnv>): void {
  const api = new OpenAPIHono<AppEnv>();
  for (const router of apiRouters) api.route('/', router());
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Prestasi API',
      version: '1',
      description:
        'Catatan penghargaan pemerintah daerah. Authenticate with `Authorization: Bearer <token>` (prestasi token create) or a session cookie plus `X-CSRF-Token`.',
    },
  });
  app.route('/api/v1', api);
  mountPages(app);
}

const isRead = (c: Context<AppEnv>) => c.req.method === 'GET' || c.req.method === 'HEAD';

/** A showcase page: the same for every visitor, it never reads who asks. */
const showcaseRead = (c: Context<AppEnv>) => isRead(c) && isShowcasePath(c.req.path);

/** A read of the public record, the same for every visitor: a showcase page, the public recap. */
function readsAsPublic(c: Context<AppEnv>): boolean {
  return c.req.path === '/api/v1/recap' ? isRead(c) && recapAsPublic(c) : showcaseRead(c);
}

const ROUTES: Routes = { mount, showcaseRead, readsAsPublic, uploadTooLarge, renderPageError };

export function createApp(deps: AppDeps) {
  return createShell(deps, ROUTES);
}
