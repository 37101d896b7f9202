import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { workflowAction } from './actions.ts';
import { awardDetail } from './detail.tsx';
import { createAwardPost, editAwardForm, editAwardPost, newAwardForm } from './edit.tsx';
import { addLink, removeEvidence, serveEvidence, uploadEvidence } from './evidence.tsx';
import { awardList } from './list.tsx';

// /kerja/penghargaan…: list, form, detail, workflow steps and evidence.
export function awardPages() {
  const app = new Hono<AppEnv>();
  app.get('/penghargaan', awardList);
  app.get('/penghargaan/baru', newAwardForm);
  app.post('/penghargaan/baru', createAwardPost);
  app.get('/penghargaan/:id{[0-9]+}', awardDetail);
  app.get('/penghargaan/:id{[0-9]+}/ubah', editAwardForm);
  app.post('/penghargaan/:id{[0-9]+}/ubah', editAwardPost);
  app.post('/penghargaan/:id{[0-9]+}/ajukan', workflowAction('submit'));
  app.post('/penghargaan/:id{[0-9]+}/verifikasi', workflowAction('verify'));
  app.post('/penghargaan/:id{[0-9]+}/kembalikan', workflowAction('return'));
  app.post('/penghargaan/:id{[0-9]+}/buka-kembali', workflowAction('reopen'));
  app.post('/penghargaan/:id{[0-9]+}/hapus', workflowAction('delete'));
  app.post('/penghargaan/:id{[0-9]+}/bukti', uploadEvidence);
  app.post('/penghargaan/:id{[0-9]+}/tautan', addLink);
  app.get('/bukti/:id{[0-9]+}', serveEvidence);
  app.post('/bukti/:id{[0-9]+}/hapus', removeEvidence);
  return app;
}
