import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { findingsPage, ingestPost } from './list.tsx';
import {
  acceptPost,
  attachEvidencePost,
  dismissEvidencePost,
  findingPage,
  mergePost,
  notSameAwardPost,
  rejectPost,
  restoreEvidencePost,
  restoreMatchPost,
} from './review.tsx';
import { sourceActivePost, sourcesPage, sourcesPost } from './sources.tsx';

// /kerja/temuan: news findings for curators; /kerja/sumber: the news sources they watch.
export function intakePages() {
  const app = new Hono<AppEnv>();
  app.get('/temuan', findingsPage);
  app.post('/temuan', ingestPost);
  app.get('/temuan/:id{[0-9]+}', findingPage);
  app.post('/temuan/:id{[0-9]+}/terima', acceptPost);
  app.post('/temuan/:id{[0-9]+}/gabung', mergePost);
  app.post('/temuan/:id{[0-9]+}/tolak', rejectPost);
  app.post('/temuan/:id{[0-9]+}/bukan-sama', notSameAwardPost);
  app.post('/temuan/:id{[0-9]+}/bukti', attachEvidencePost);
  app.post('/temuan/:id{[0-9]+}/bukti/tolak', dismissEvidencePost);
  app.post('/temuan/:id{[0-9]+}/bukan-sama/batal', restoreMatchPost);
  app.post('/temuan/:id{[0-9]+}/bukti/batal', restoreEvidencePost);
  app.get('/sumber', sourcesPage);
  app.post('/sumber', sourcesPost);
  app.post('/sumber/:id{[0-9]+}/aktif', sourceActivePost);
  return app;
}
