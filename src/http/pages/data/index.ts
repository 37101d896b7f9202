import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { exportsPage } from './exports.tsx';
import { confirmPost, dryRunPost, importPage } from './imports.tsx';

// /kerja/impor (import wizard) and /kerja/ekspor (export links).
export function dataPages() {
  const app = new Hono<AppEnv>();
  app.get('/impor', importPage);
  app.post('/impor', dryRunPost);
  app.post('/impor/simpan', confirmPost);
  app.get('/ekspor', exportsPage);
  return app;
}
