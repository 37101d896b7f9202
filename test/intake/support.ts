import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUser } from '../../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createRegion } from '../../src/services/units.ts';
import type { TestApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The five seed reports live beside the repository (CI clones shared/ next to it). */
export const seedsDir = resolve(repoRoot, '../shared/seeds');
/** A clone without ../shared beside it has no seed reports: tests that read them are skipped. */
export const hasSeeds = existsSync(seedsDir);
export const fixturesDir = resolve(repoRoot, 'test/fixtures/intake');

export const seedFiles = () =>
  readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();

export interface GoldAward {
  title: string;
  awarding_body: string | null;
  date_received: string | null;
  rank: string | null;
  score: number | null;
  year: number | null;
  mention: 'main' | 'co_recipient' | 'background';
}
export interface GoldReport {
  file: string;
  awards: GoldAward[];
  aggregate_claims: { count: number }[];
}
export const gold = (): GoldReport[] => JSON.parse(readFileSync(join(seedsDir, 'gold.json'), 'utf8'));

/** Uploads a file as multipart/form-data, the way a browser form would. */
export function upload(
  t: TestApp,
  role: Parameters<TestApp['call']>[0],
  name: string,
  bytes: Uint8Array | string,
) {
  const form = new FormData();
  form.set('file', new File([bytes as BlobPart], name));
  return t.call(role, 'POST', '/api/v1/intake/articles', form);
}

export const uploadFixture = (t: TestApp, name: string, role: Parameters<TestApp['call']>[0] = 'kurator') =>
  upload(t, role, name, readFileSync(join(fixturesDir, name)));

export const uploadSeed = (t: TestApp, file: string, role: Parameters<TestApp['call']>[0] = 'kurator') =>
  upload(t, role, file, readFileSync(join(seedsDir, file)));

/** A test database with the home region (Kota Tangerang, 36.71) and a curator, for the CLI tests. */
export async function curatorDb(): Promise<TestDb> {
  const db = await createTestDb();
  await createRegion(db.db, SYSTEM_ACTOR, {
    code: '36.71',
    name: 'Kota Tangerang',
    kind: 'kota',
    foundedOn: '1993-02-28',
  });
  await createUser(db.db, { email: 'kurator@example.go.id', role: 'kurator', password: 'sandi-kurator-123' });
  return db;
}
