import type { AwardEvent } from '../../src/extract/types.ts';

/** An extracted award event with neutral values, for tests of what the intake does with one. */
export const event = (over: Partial<AwardEvent>): AwardEvent => ({
  recipientRegion: null,
  recipientUnit: null,
  slots: {},
  title: 'Penghargaan Kota Sehat',
  recipient: null,
  awardingBody: 'Kemenkes',
  awardingBodyName: 'Kementerian Kesehatan',
  level: 'nasional',
  date: '2025-11-12',
  category: null,
  rank: null,
  rankPosition: null,
  score: null,
  grade: null,
  year: 2025,
  quote: 'x',
  start: 0,
  end: 1,
  confidence: 0.8,
  ...over,
});
