import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { dashboard } from './dashboard.tsx';
import { giverSearch, gradePreview } from './helpers.tsx';

// /kerja: the dashboard and the small htmx endpoints the forms use.
export function workspaceRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', dashboard);
  app.get('/nilai', gradePreview);
  app.get('/pemberi/cari', giverSearch);
  return app;
}
