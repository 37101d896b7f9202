import { describe, expect, it } from 'vitest';
import type { AwardEvent } from '../../src/extract/types.ts';
import {
  aboutHome,
  decideRegion,
  type HomeRegion,
  type RegionalEvent,
  regionMentions,
} from '../../src/services/intake/region.ts';
import { unitCandidates } from '../../src/services/intake/units.ts';

const home: HomeRegion = { code: '36.71', name: 'Kota Tangerang', kind: 'kota' };

// An event as an older extractor gave it (no region fields), so the name fallback is exercised too.
type BareEvent = Omit<AwardEvent, 'recipientRegion' | 'recipientUnit' | 'slots'>;
const event = (over: Partial<RegionalEvent>): RegionalEvent =>
  ({
    ...({
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
    } satisfies BareEvent),
    ...over,
  }) as RegionalEvent;

describe('the home queue is decided by region code', () => {
  const kota = { code: '36.71', name: 'Kota Tangerang' };
  const kabupaten = { code: '36.03', name: 'Kabupaten Tangerang' };
  const tangsel = { code: '36.74', name: 'Kota Tangerang Selatan' };

  it('keeps the home code and sets aside the neighbours, whatever the article is about', () => {
    expect(decideRegion(event({ recipientRegion: kota }), home, false)).toEqual({ home: true });
    for (const region of [kabupaten, tangsel, { code: '11.15', name: 'Kabupaten Nagan Raya' }])
      expect(decideRegion(event({ recipientRegion: region }), home, true)).toEqual({
        home: false,
        reason: 'other_region',
        region,
      });
  });

  it('trusts the code over the words of the recipient', () => {
    // The recipient text names our city (a "Kota Tangerang" prefix) but the code says Tangsel.
    const e = event({ recipient: 'Pemkot Tangerang Selatan', recipientRegion: tangsel });
    expect(decideRegion(e, home, true).home).toBe(false);
  });

  it('proposes an event with no recipient region only when the article is about the home region', () => {
    const e = event({ recipient: null, recipientRegion: null });
    expect(decideRegion(e, home, true)).toEqual({ home: true });
    expect(decideRegion(e, home, false)).toEqual({ home: false, reason: 'no_region', region: null });
  });

  it('never proposes the giver as a recipient', () => {
    const e = event({ recipient: 'Kementerian Kesehatan', recipientRegion: null });
    expect(decideRegion(e, home, true)).toMatchObject({ home: false, reason: 'giver_recipient' });
  });

  it('without region slots, reads the region from the recipient text, brackets and neighbours included', () => {
    const pemkab = event({ recipient: 'Pemerintah Kabupaten (Pemkab) Nagan Raya' });
    expect(decideRegion(pemkab, home, true)).toEqual({
      home: false,
      reason: 'other_region',
      region: { code: null, name: 'Kabupaten Nagan Raya' },
    });
    expect(decideRegion(event({ recipient: 'Pemerintah Kota (Pemkot) Tangerang' }), home, false)).toEqual({
      home: true,
    });
    expect(decideRegion(event({ recipient: 'Kabupaten Tangerang' }), home, true).home).toBe(false);
    expect(decideRegion(event({ recipient: 'Pemkot Tangerang Selatan' }), home, true).home).toBe(false);
    expect(decideRegion(event({ recipient: 'Kota Tangerang Selatan' }), home, true).home).toBe(false);
    // A unit names no region: the article decides.
    expect(decideRegion(event({ recipient: 'Puskesmas Neglasari' }), home, true).home).toBe(true);
    expect(decideRegion(event({ recipient: 'Puskesmas Neglasari' }), home, false).home).toBe(false);
  });
});

describe('what an article is about', () => {
  it('counts the regions named, telling neighbours apart', () => {
    expect(regionMentions('Pemkab Nagan Raya dan Kab. Tangerang').map((m) => m.key)).toEqual([
      'kabupaten nagan raya',
      'kabupaten tangerang',
    ]);
    const ours =
      'Pemerintah Kota Tangerang meraih … Wali Kota Tangerang … warga Kota Tangerang. Kota Tangerang Selatan juga.';
    expect(aboutHome(ours, [], home)).toBe(true);
    const theirs =
      'Kota Tangerang Selatan menjadi tuan rumah. Wali Kota Tangerang Selatan hadir. Puskesmas di Kota Tangerang Selatan.';
    expect(aboutHome(theirs, [], home)).toBe(false);
    expect(aboutHome('Kabupaten Tangerang meraih. Pemkab Tangerang bangga.', [], home)).toBe(false);
    // A title-case headline still names our city.
    expect(aboutHome('Pemkot Tangerang Raih Penghargaan', [], home)).toBe(true);
    expect(aboutHome('Tidak ada daerah disebut.', [], home)).toBe(false);
  });

  it("counts the events' region codes as well as the words", () => {
    const kab = event({ recipientRegion: { code: '36.03', name: 'Kabupaten Tangerang' } });
    expect(aboutHome('Kota Tangerang disebut sekali.', [kab, kab], home)).toBe(false);
  });
});

describe('unit names to try', () => {
  it('splits "melalui" and drops the region name', () => {
    expect(unitCandidates('Pemkot Tangerang melalui BKPSDM Kota Tangerang')).toContain('BKPSDM');
    expect(unitCandidates('Puskesmas Neglasari', null)).toEqual(['Puskesmas Neglasari']);
  });
});
