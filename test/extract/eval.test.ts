import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus, prf } from '../../scripts/eval-extract.ts';

describe('evaluation set (seeds + test/fixtures/news)', () => {
  it('keeps award-event F1 at or above 0.9', () => {
    const rep = evaluate(loadCorpus(['seeds', 'dev']));
    expect(rep.files).toBeGreaterThanOrEqual(33);
    expect(prf(rep.events).f1).toBeGreaterThanOrEqual(0.9);
  });
});
