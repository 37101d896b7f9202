import { describe, expect, it } from 'vitest';
import {
  type EventKey,
  fingerprint,
  matchesAward,
  recipientKey,
  sameEvent,
  titleOverlap,
} from '../../src/services/intake/fingerprint.ts';

const event = (over: Partial<EventKey> = {}): EventKey => ({
  title: 'Standar Pelayanan Minimal (SPM) Awards 2025 kategori kota',
  recipient: 'Pemerintah Kota (Pemkot) Tangerang',
  awardingBody: 'Kemendagri',
  awardingBodyName: 'Menteri Dalam Negeri (Mendagri)',
  date: '2025-05-23',
  year: 2025,
  rankPosition: 1,
  ...over,
});

describe('fingerprint', () => {
  it('ignores how an outlet writes the region and the filler words of a title', () => {
    expect(recipientKey('Pemerintah Kota (Pemkot) Tangerang')).toBe(recipientKey('Pemkot Tangerang'));
    expect(fingerprint(event())).toBe(
      fingerprint(
        event({
          recipient: 'Pemkot Tangerang',
          title: 'Penghargaan Standar Pelayanan Minimal (SPM) Awards kota 2025',
        }),
      ),
    );
  });

  it("keeps BKN's ranks of one ceremony apart", () => {
    const base = { awardingBody: 'BKN', awardingBodyName: 'BKN', date: '2025-10-09', year: 2025 };
    const ranks = [
      event({ ...base, title: 'Peringkat I Kategori Penyelesaian Instansi', rankPosition: 1 }),
      event({ ...base, title: 'Peringkat II Kategori Pengelola Kepegawaian Terbaik', rankPosition: 2 }),
      event({ ...base, title: 'Peringkat III Kategori Pelayanan Kenaikan Pangkat', rankPosition: 3 }),
      event({
        ...base,
        title: 'Mitra Kerja Terbaik Kategori Penerapan Manajemen Talenta ASN',
        rankPosition: null,
      }),
    ];
    expect(new Set(ranks.map(fingerprint)).size).toBe(4);
    // Same words, different rank: still two events.
    expect(sameEvent(ranks[0], { ...ranks[0], rankPosition: 2 })).toBe(false);
  });
});

describe('sameEvent (fuzzy)', () => {
  const other = event({ title: 'Juara 1 SPM Awards 2025 kategori kota', recipient: 'Kota Tangerang' });

  it('joins a shorter wording of the same award from the same giver within three days', () => {
    expect(titleOverlap(event().title, other.title)).toBeGreaterThanOrEqual(0.6);
    expect(sameEvent(event(), other)).toBe(true);
    expect(sameEvent(event(), { ...other, date: '2025-05-26' })).toBe(true);
  });

  it('keeps them apart when the dates are more than three days apart, the giver differs or the titles differ', () => {
    expect(sameEvent(event(), { ...other, date: '2025-05-27' })).toBe(false);
    expect(sameEvent(event(), { ...other, awardingBody: 'Kemenkes', awardingBodyName: 'Kemenkes' })).toBe(
      false,
    );
    expect(sameEvent(event(), { ...other, title: 'Kota Layak Anak kategori Utama' })).toBe(false);
  });

  it('falls back to the year when a report has no date, and never matches an unknown giver', () => {
    expect(sameEvent(event(), { ...other, date: null })).toBe(true);
    expect(sameEvent(event(), { ...other, date: null, year: 2024 })).toBe(false);
    const noGiver = { awardingBody: null, awardingBodyName: null };
    expect(sameEvent(event(noGiver), { ...other, ...noGiver })).toBe(false);
  });
});

describe('matchesAward', () => {
  const award = {
    id: 7,
    giverKeys: ['kemendagri'],
    editionYear: 2025,
    title: 'SPM Awards 2025',
    programme: 'Standar Pelayanan Minimal Awards',
    rankPosition: 1,
  };
  it('matches the same giver, edition year and a similar title', () => {
    expect(matchesAward(event(), award)).toBe(true);
  });
  it('does not match another year, another giver or another rank', () => {
    expect(matchesAward(event({ year: 2024, date: '2024-05-23' }), award)).toBe(false);
    expect(matchesAward(event({ awardingBody: 'Kemenkes' }), award)).toBe(false);
    expect(matchesAward(event({ rankPosition: 2 }), award)).toBe(false);
  });
});
