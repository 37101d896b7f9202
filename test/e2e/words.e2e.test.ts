import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { SCALES } from '../../src/domain/grading/catalog.ts';
import { type E2E, seeText, startE2E } from './support.ts';

// Words, not codes: every role walks the demo's pages by following links (Indonesian on a
// 390 px phone, English on a 1366 px laptop) and no page may show a raw code — column names,
// state/role/level codes, scale codes, provenance of the demo seed, UTC times, a two-language
// error — nor scroll sideways.

const scaleCodes = [...new Set(SCALES.map((s) => s.id))];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const BOTH: [string, RegExp][] = [
  ['column name', /\b[a-z]+_[a-z_]+\b/],
  ['scale code', new RegExp(`(^|[\\s(:])(${scaleCodes.map(escapeRe).join('|')})(\\s+\\d+)?([\\s),.]|$)`)],
  ['claim status code', /\b(CONFIRMED|CORROBORATED|UNCONFIRMED|CONFLICTING|CONTRADICTED)\b/],
  ['role code', /\bviewer\b/],
  ['seed provenance', /\bseed\b/i],
  ['UTC time', /\bUTC\b/],
  ['raw state', /\b[Ss]tat(us|e): ?(pending|draft|submitted|returned|verified|accepted|rejected)\b/],
];
const ID_ONLY: [string, RegExp][] = [
  ['English state word', /\b(draft|submitted|returned|pending|rejected|accepted)\b/],
  ['two-language message', /\((wrong|role|the|not|file|must)\b[^)]*\)/],
];

/**
 * Text a reader sees, without URLs, e-mail addresses and what is set as code (the open-data
 * dictionary names its columns on purpose).
 */
const readable = (page: Page) =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll('code, kbd, samp, script, style')) el.remove();
    document.documentElement.append(body);
    const text = body.innerText;
    body.remove();
    return text.replace(/\bhttps?:\/\/\S+/g, ' ').replace(/\S+@\S+/g, ' ');
  });

// Links not to follow: signing out, downloads, the API (and the switch to the other language).
const SKIP = /^\/(keluar|api\/)|\.(csv|xlsx|pdf|zip|json|png|jpg|webp)(\?|$)|\/bukti\/|\/unduh/;

/** One page of each kind is enough: /kerja/penghargaan/12 and /kerja/penghargaan/13 are alike. */
const kindOf = (path: string) => {
  const u = new URL(path, 'http://x');
  u.searchParams.delete('lang');
  return `${u.pathname.replace(/\/\d+/g, '/N')}?${[...u.searchParams.keys()].sort().join('&')}`;
};

async function crawl(page: Page, start: string[], lang: 'id' | 'en', limit = 45) {
  const problems: string[] = [];
  const seenKinds = new Map<string, number>();
  const queue = [...start];
  const visited = new Set<string>();
  const patterns = lang === 'id' ? [...BOTH, ...ID_ONLY] : BOTH;
  while (queue.length && visited.size < limit) {
    const path = queue.shift()!;
    if (visited.has(path)) continue;
    const kind = kindOf(path);
    if ((seenKinds.get(kind) ?? 0) >= 2) continue;
    seenKinds.set(kind, (seenKinds.get(kind) ?? 0) + 1);
    visited.add(path);
    const res = await page.goto(path);
    if (!res || res.status() >= 400) {
      problems.push(`${path}: HTTP ${res?.status()}`);
      continue;
    }
    const text = await readable(page);
    for (const [what, re] of patterns) {
      const m = re.exec(text);
      if (m)
        problems.push(
          `${path} [${lang}]: ${what} "${m[0].trim()}" in …${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}…`,
        );
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${path} [${lang}]: scrolls ${overflow}px sideways`);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) {
      if (!href.startsWith('/') || href.startsWith('//') || SKIP.test(href)) continue;
      if (href.includes(`lang=${lang === 'id' ? 'en' : 'id'}`)) continue;
      const clean = href.split('#')[0]!;
      if (!visited.has(clean)) queue.push(clean);
    }
  }
  return { problems, visited: visited.size };
}

describe('words, not codes, on every page a person reads', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ demo: true });
  });
  afterAll(async () => {
    await e?.close();
  });

  // The twelve walks only read (GET, never /keluar), each in its own browser context, so they
  // run side by side (vitest's maxConcurrency, 5): one walk at a time left a core idle while
  // the page was rendered on the other side of the socket.
  const who = ['admin', 'verifikator', 'dinkes', 'kurator', 'pimpinan', 'public'];
  for (const lang of ['id', 'en'] as const)
    for (const key of who)
      it.concurrent(`${lang}, ${key}: words, not codes, and no sideways scroll`, {
        timeout: 180_000,
      }, async ({ expect }) => {
        const page = await e.newPage(
          lang === 'id' ? { width: 390, height: 844 } : { width: 1366, height: 900 },
        );
        const account = DEMO_ACCOUNTS.find((a) => a.key === key);
        if (account) await e.signIn(page, account.email, account.password);
        await page.goto(`/?lang=${lang}`);
        const start = account
          ? ['/kerja', '/kerja/penghargaan', '/']
          : ['/', '/penghargaan', '/linimasa', '/data'];
        const { problems, visited } = await crawl(page, start, lang);
        await page.context().close();
        expect(visited).toBeGreaterThan(8);
        expect(problems).toEqual([]);
      });

  it('history lines name the changed fields, English pages translate levels, sign-in errors speak one language', async () => {
    const admin = await e.newPage();
    await e.signIn(admin, 'admin@prestasi.demo', 'demo-admin-2025');
    const draft = await e.server.db.db
      .selectFrom('awards')
      .select('id')
      .where('state', '=', 'draft')
      .executeTakeFirstOrThrow();
    await admin.goto(`/kerja/penghargaan/${draft.id}/ubah?lang=id`);
    await admin.getByLabel('Tanggal diterima').fill('2025-06-02');
    await admin.getByLabel('Dasar hukum (SK/Keppres)').fill('SK Menteri Nomor 12 Tahun 2025');
    await admin
      .getByRole('button', { name: /Simpan/ })
      .first()
      .click();
    const history = await seeText(admin.locator('.history'), 'Diubah');
    expect(history).toContain('tanggal diterima');
    expect(history).toContain('dasar hukum');
    expect(history).not.toMatch(/received_on|legal_basis/);
    expect(history).toMatch(/\d{2}\.\d{2} WIB/);

    const national = await e.server.db.db
      .selectFrom('awards')
      .select('id')
      .where('state', '=', 'verified')
      .where('level', '=', 'nasional')
      .executeTakeFirstOrThrow();
    await admin.goto(`/penghargaan/${national.id}?lang=en`);
    await seeText(admin.locator('main'), 'National');

    const stranger = await e.newPage();
    await stranger.goto('/masuk?lang=en');
    await stranger.getByLabel('Email').fill('nobody@prestasi.demo');
    await stranger.getByLabel('Password').fill('not-the-password');
    await stranger.getByRole('button', { name: 'Sign in' }).click();
    const said = await seeText(stranger.locator('main'), 'Wrong email or password');
    expect(said).not.toContain('salah');
  });
});
