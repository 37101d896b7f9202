import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  extractFile,
  goldGiver,
  loadCorpus,
  matchAwards,
  SEEDS_DIR,
  sameRank,
} from '../../scripts/eval-extract.ts';

const seeds = loadCorpus().filter((e) => e.path.startsWith(SEEDS_DIR));

describe.skipIf(!existsSync(SEEDS_DIR))('seed reports (../shared/seeds/gold.json)', () => {
  it('has the five seed reports', () => expect(seeds).toHaveLength(5));

  for (const e of seeds) {
    it(`${e.gold.file}: every received award found exactly, nothing else`, () => {
      const found = extractFile(e).awards;
      const required = e.gold.awards.filter((a) => a.mention !== 'background');
      const pairs = matchAwards(e.gold.awards, found);
      const background = pairs.filter(([gi]) => e.gold.awards[gi].mention === 'background').length;
      expect(found.length - background).toBe(required.length);
      for (const [gi, fi] of pairs) {
        const g = e.gold.awards[gi];
        const x = found[fi];
        if (g.mention === 'background') continue;
        expect(x.date, g.title).toBe(g.date_received);
        expect(x.score, g.title).toBe(g.score);
        expect(x.grade, g.title).toBe(g.grade);
        expect(x.year, g.title).toBe(g.year);
        expect(x.awardingBody, g.title).toBe(goldGiver(g.awarding_body));
        if (g.rank) expect(sameRank(g.rank, x.rank ?? ''), `${g.title}: ${x.rank}`).toBe(true);
        else expect(x.rank).toBeNull();
        expect(x.quote).toBe(extractFile(e).text.slice(x.start, x.end));
      }
    });

    it(`${e.gold.file}: claims with the right counts`, () => {
      const counts = extractFile(e)
        .claims.map((c) => c.count)
        .sort((a, b) => a - b);
      expect(counts).toEqual(e.gold.aggregate_claims.map((c) => c.count).sort((a, b) => a - b));
    });
  }
});
