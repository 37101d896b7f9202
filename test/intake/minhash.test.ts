import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleBands, NEAR_DUPLICATE_BANDS } from '../../src/services/intake/minhash.ts';
import { fixturesDir } from './support.ts';

const read = (name: string) => readFileSync(join(fixturesDir, name), 'utf8');
const shared = (a: string, b: string) => {
  const other = new Set(articleBands(b));
  return articleBands(a).filter((k) => other.has(k)).length;
};

describe('near-duplicate articles (MinHash)', () => {
  const release = read('release-kota-sehat.txt');
  const republished = read('release-kota-sehat-republished.txt');
  const otherRelease = read('other-release-same-lead.txt');

  it('finds a release republished with a new headline, a byline and a reworded sentence', () => {
    expect(shared(release, republished)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_BANDS);
  });

  it('keeps apart two releases that share their opening sentence', () => {
    expect(shared(release, otherRelease)).toBeLessThan(NEAR_DUPLICATE_BANDS);
  });

  it('is stable and gives no keys to texts too short to judge', () => {
    expect(articleBands(release)).toEqual(articleBands(`${release}\n`));
    expect(articleBands(release)).toHaveLength(32);
    expect(articleBands('Pemkot Tangerang meraih penghargaan.')).toEqual([]);
  });
});
