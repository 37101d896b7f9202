import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { createUser } from '../../src/auth/users.ts';
import { loadConfig } from '../../src/config.ts';
import type { Role } from '../../src/db/schema.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { seedKotaTangerang } from '../support/app.ts';

// Browser-test harness: a real server on a free port with a fresh SQLite database seeded
// with Kota Tangerang, four units and one account per role, and Debian's Chromium driven
// by playwright-core. Each test file starts one and closes it.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export const PEOPLE = {
  admin: { role: 'admin' as Role, unit: null },
  verifikator: { role: 'verifikator' as Role, unit: null },
  operator: { role: 'operator' as Role, unit: 'dinkes' },
  operatorOther: { role: 'operator' as Role, unit: 'bkpsdm' },
  kurator: { role: 'kurator' as Role, unit: null },
} as const;
export type Person = keyof typeof PEOPLE;

export const emailOf = (who: Person) => `${who.toLowerCase()}@tangerangkota.go.id`;
export const passwordOf = (who: Person) => `sandi-${who}-2025`;

export interface E2E {
  server: RunningServer;
  url: string;
  browser: Browser;
  dir: string;
  units: Record<'root' | 'dinkes' | 'puskesmas' | 'bkpsdm', number>;
  /** A fresh browser context (own cookies), with a page in it. */
  newPage(opts?: { width?: number; height?: number }): Promise<Page>;
  /** A test person, or any email with its password. */
  signIn(page: Page, who: Person | string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/** `demo: true` seeds the Kota Tangerang demo (src/demo) instead of the small test tree. */
export async function startE2E(opts: { demo?: boolean; siteName?: string | null } = {}): Promise<E2E> {
  const dir = mkdtempSync(join(tmpdir(), 'prestasi-e2e-'));
  mkdirSync(join(dir, 'uploads'));
  const config = {
    ...loadConfig({}),
    databaseUrl: `sqlite:${join(dir, 'e2e.db')}`,
    port: 0,
    uploadDir: join(dir, 'uploads'),
    siteName: opts.siteName === undefined ? 'Pemerintah Kota Tangerang' : opts.siteName,
    maxUploadBytes: 2 * 1024 * 1024,
  };
  const server = await startServer(config, { host: '127.0.0.1' });
  const units = opts.demo ? await seedDemoData(server, config.uploadDir) : await seed(server);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const contexts: BrowserContext[] = [];
  return {
    server,
    url: server.url,
    browser,
    dir,
    units,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
        locale: 'id-ID',
      });
      contexts.push(context);
      return context.newPage();
    },
    async signIn(page, who, password) {
      await page.goto('/masuk');
      await page.getByLabel('Email').fill(password ? who : emailOf(who as Person));
      await page.getByLabel('Kata sandi').fill(password ?? passwordOf(who as Person));
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForURL(/\/kerja/);
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seedDemoData(server: RunningServer, uploadDir: string) {
  // Imported late on purpose: the demo builds zod schemas that the API extends with .openapi(),
  // and that extension happens when the app (@hono/zod-openapi) is loaded first.
  const { seedDemo } = await import('../../src/demo/seed.ts');
  await seedDemo(server.db.db, { uploadDir });
  const id = async (name: string) =>
    (
      await server.db.db
        .selectFrom('org_units')
        .select('id')
        .where('name', 'like', `${name}%`)
        .executeTakeFirst()
    )?.id ?? 0;
  return {
    root: await id('Pemerintah Kota'),
    dinkes: await id('Dinas Kesehatan'),
    puskesmas: await id('Puskesmas'),
    bkpsdm: await id('Badan Kepegawaian'),
  };
}

async function seed(server: RunningServer) {
  const db = server.db.db;
  const { root, dinkes, puskesmas, bkpsdm } = await seedKotaTangerang(db);
  const units = { root: root.id, dinkes: dinkes.id, puskesmas: puskesmas.id, bkpsdm: bkpsdm.id };
  for (const [who, p] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    await createUser(db, {
      email: emailOf(who),
      name: who,
      role: p.role,
      unitId: p.unit ? units[p.unit] : null,
      password: passwordOf(who),
    });
  }
  return units;
}

/** A real 2×2 PNG (valid signature, IHDR, IDAT, IEND), written to the temp folder. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYPj/n4GBgYGJAQoYGQEAKQcCAd2vYxMAAAAASUVORK5CYII=',
    'base64',
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the (first) element's text contains `expected` (a string) or matches it (a
 * RegExp), and returns the text. playwright-core has no web-first assertions; this is ours.
 */
export async function seeText(
  locator: Locator,
  expected: string | RegExp,
  timeout = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '<no element>';
  while (Date.now() < deadline) {
    try {
      last = (await locator.first().innerText({ timeout: 500 })).trim();
      if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    } catch {
      // not there yet
    }
    await sleep(100);
  }
  throw new Error(`Expected ${locator} to show ${String(expected)}; it shows: ${last.slice(0, 500)}`);
}

/** Waits until the locator matches exactly `count` elements. */
export async function seeCount(locator: Locator, count: number, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = -1;
  while (Date.now() < deadline) {
    last = await locator.count();
    if (last === count) return;
    await sleep(100);
  }
  throw new Error(`Expected ${count} of ${locator}, found ${last}`);
}
