// The strict figure on ../shared/news-dev (48 articles modelled on real regional reporting):
// a floor under the measured value, so a change that credits awards to the wrong region, or
// finds awards in the negative articles, fails here. Skipped in a clone without ../shared.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_DEV_DIR } from '../../scripts/eval-extract.ts';
import { evaluateStrict } from '../../scripts/eval-strict.ts';

const present = existsSync(join(NEWS_DEV_DIR, 'gold.json'));

describe.skipIf(!present)('news-dev, strict (the award must name the right region)', () => {
  const rep = present ? evaluateStrict(NEWS_DEV_DIR, join(NEWS_DEV_DIR, 'articles')) : null;

  it('keeps strict F1 at or above 0.82 and finds nothing in the negative articles', () => {
    if (!rep) throw new Error('news-dev not loaded');
    const p = rep.tp / (rep.tp + rep.fp);
    const r = rep.tp / (rep.tp + rep.fn);
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.82);
    expect(rep.negativeFp).toBe(0);
  });

  it('keeps the fields of the paired awards at or above 0.83', () => {
    if (!rep) throw new Error('news-dev not loaded');
    const right = Object.values(rep.fields).reduce((n, [a]) => n + a, 0);
    const asked = Object.values(rep.fields).reduce((n, [, b]) => n + b, 0);
    expect(right / asked).toBeGreaterThanOrEqual(0.83);
  });
});
