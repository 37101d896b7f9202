// Words the pages of a deployment of many regions share (the navigation, the province link).
import { type Words, words } from '../../../domain/i18n.ts';

export const REGIONS_NAV: Words = words('Daftar Daerah', 'Regions');
export const COMPARE_NAV: Words = words('Perbandingan Daerah', 'Compare regions');
export const PROVINCE_LINK: Words = words(
  'Kabupaten dan kota di provinsi ini',
  'Regencies and cities of this province',
);
