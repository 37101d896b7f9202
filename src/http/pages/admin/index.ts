import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { fieldEditPage, fieldEditPost } from './field-edit.tsx';
import { fieldsPage, fieldsPost } from './fields.tsx';
import { giverEditPage, giverEditPost } from './giver-edit.tsx';
import { giversPage, giversPost } from './givers.tsx';
import { adminHome } from './home.tsx';
import { scalesPage, scaleVersionPost } from './scales.tsx';
import { unitEditPage, unitEditPost } from './unit-edit.tsx';
import { unitsPage, unitsPost, unitUpdatePost } from './units.tsx';
import { usersPage, usersPost, userTogglePost } from './users.tsx';

// /kerja/admin: reference data and people. Every handler checks the admin role itself
// (services/access.ts assertAdmin inside the services checks it again).
export function adminRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', adminHome);
  app.get('/unit', unitsPage);
  app.post('/unit', unitsPost);
  app.post('/unit/:id{[0-9]+}', unitUpdatePost);
  app.get('/unit/:id{[0-9]+}/ubah', unitEditPage);
  app.post('/unit/:id{[0-9]+}/ubah', unitEditPost);
  app.get('/pemberi', giversPage);
  app.post('/pemberi', giversPost);
  app.get('/pemberi/:id{[0-9]+}/ubah', giverEditPage);
  app.post('/pemberi/:id{[0-9]+}/ubah', giverEditPost);
  app.get('/bidang', fieldsPage);
  app.post('/bidang', fieldsPost);
  app.get('/bidang/:id{[0-9]+}/ubah', fieldEditPage);
  app.post('/bidang/:id{[0-9]+}/ubah', fieldEditPost);
  app.get('/pengguna', usersPage);
  app.post('/pengguna', usersPost);
  app.post('/pengguna/:id{[0-9]+}', userTogglePost);
  app.get('/skala', scalesPage);
  app.post('/skala/:id/versi', scaleVersionPost);
  return app;
}
