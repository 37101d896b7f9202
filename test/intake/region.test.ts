import { describe, expect, it } from 'vitest';
import { aboutHome, decideRegion, type HomeRegion } from '../../src/services/intake/region.ts';
import { unitCandidates } from '../../src/services/intake/units.ts';
import { event } from './event.ts';

const home: HomeRegion = { id: 3671, code: '36.71', name: 'Kota Tangerang', kind: 'kota' };

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
});

describe('what an article is about', () => {
  it("reads the article's subject by code, telling neighbours apart", () => {
    const ours =
      'Pemkot Tangerang Raih Penghargaan\n\nTANGERANG – Pemerintah Kota Tangerang meraih penghargaan. Wali Kota Tangerang bangga. Kota Tangerang Selatan juga hadir.';
    expect(aboutHome(ours, home)).toBe(true);
    const tangsel =
      'Tangsel Tuan Rumah\n\nSERPONG – Kota Tangerang Selatan menjadi tuan rumah. Wali Kota Tangerang Selatan hadir bersama warga Kota Tangerang Selatan.';
    expect(aboutHome(tangsel, home)).toBe(false);
    expect(aboutHome('Kabupaten Tangerang meraih penghargaan. Pemkab Tangerang bangga.', home)).toBe(false);
    expect(aboutHome('Pemerintah Kabupaten (Pemkab) Nagan Raya meraih penghargaan.', home)).toBe(false);
    expect(aboutHome('Tidak ada daerah disebut di sini.', home)).toBe(false);
  });
});

describe('unit names to try', () => {
  it('splits "melalui" and drops the region name', () => {
    expect(unitCandidates('Pemkot Tangerang melalui BKPSDM Kota Tangerang')).toContain('BKPSDM');
    expect(unitCandidates('Puskesmas Neglasari', null)).toEqual(['Puskesmas Neglasari']);
  });
});
