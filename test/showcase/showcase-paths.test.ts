import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { isShowcasePath } from '../../src/http/pages/showcase/index.tsx';

// The showcase's paths skip a signed-in reader's region scope (app.ts): they must name every
// public page and nothing of the workspace, the API, sign-in or static files, where a signed-in
// request must stay confined to its regions.

describe('isShowcasePath', () => {
  it('names every public page, at the root and under /wilayah/{code}', () => {
    for (const base of ['', '/wilayah/36.71', '/wilayah/36'])
      for (const page of ['/penghargaan', '/penghargaan/12', '/unit', '/unit/3', '/linimasa', '/data'])
        expect(isShowcasePath(`${base}${page}`), `${base}${page}`).toBe(true);
    for (const path of [
      '/',
      '/wilayah/36.71',
      '/data/penghargaan.csv',
      '/wilayah/36.71/data/penghargaan.json',
      '/data/kamus-kolom.csv',
      '/perbandingan',
      '/perbandingan/36',
      '/aset/showcase.css',
    ])
      expect(isShowcasePath(path), path).toBe(true);
  });

  it('names no route of the workspace, the API, sign-in or static files', () => {
    const app = createApp({ db: {} as Db, config: loadConfig({}) });
    const others = app.routes
      .map((r) => r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, '1'))
      .filter((p) => !p.includes('*') && /^\/(kerja|api|masuk|keluar|static|favicon)/.test(p));
    expect(others.length).toBeGreaterThan(50);
    for (const path of others) expect(isShowcasePath(path), path).toBe(false);
    for (const path of ['/penghargaan/1/ubah', '/data/penghargaan.xlsx', '/wilayah/36.71/kerja', '/kerja'])
      expect(isShowcasePath(path), path).toBe(false);
  });
});
