import { describe, expect, it } from 'vitest';
import { namesOtherRegion, regionKey } from '../../src/services/intake/other-region.ts';

const ours = new Set([regionKey('Kota', 'Tangerang')]);

describe('namesOtherRegion', () => {
  it('keeps our region however it is written', () => {
    expect(namesOtherRegion('Pemerintah Kota Tangerang', ours)).toBe(false);
    expect(namesOtherRegion('Pemkot Tangerang (melalui BKPSDM Kota Tangerang)', ours)).toBe(false);
  });
  it('drops a neighbour whose name starts like ours', () => {
    expect(namesOtherRegion('Pemerintah Kota Tangerang Selatan', ours)).toBe(true);
    expect(namesOtherRegion('Kabupaten Tangerang', ours)).toBe(true);
    expect(namesOtherRegion('Pemprov Banten', ours)).toBe(true);
  });
  it('keeps units, people and unknown recipients', () => {
    expect(namesOtherRegion('Puskesmas Neglasari', ours)).toBe(false);
    expect(namesOtherRegion('Siti Aminah, guru SMPN 4', ours)).toBe(false);
    expect(namesOtherRegion(null, ours)).toBe(false);
  });
});
