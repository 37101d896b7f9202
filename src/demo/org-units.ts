import type { UnitType } from '../reference/unit-types.ts';

// The demo region and a realistic slice of the perangkat daerah of Kota Tangerang.
// Units are referred to by `key` so the awards and accounts below can name them.

export const DEMO_REGION = {
  code: '36.71',
  name: 'Kota Tangerang',
  kind: 'kota' as const,
  foundedOn: '1993-02-28',
};

export interface DemoUnit {
  key: string;
  name: string;
  shortName?: string;
  unitType: UnitType;
  children?: DemoUnit[];
}

const kelurahan = (names: string[]): DemoUnit[] =>
  names.map((n) => ({
    key: `kel-${n.toLowerCase().replace(/\s+/g, '-')}`,
    name: `Kelurahan ${n}`,
    unitType: 'KELURAHAN',
  }));

export const DEMO_UNIT_TREE: DemoUnit = {
  key: 'pemkot',
  name: 'Pemerintah Kota Tangerang',
  shortName: 'Pemkot Tangerang',
  unitType: 'PEMDA',
  children: [
    {
      key: 'setda',
      name: 'Sekretariat Daerah',
      shortName: 'Setda',
      unitType: 'SEKRETARIAT_DAERAH',
      children: [
        { key: 'organisasi', name: 'Bagian Organisasi', unitType: 'BAGIAN' },
        {
          key: 'prokopim',
          name: 'Bagian Protokol dan Komunikasi Pimpinan',
          shortName: 'Prokopim',
          unitType: 'BAGIAN',
        },
        { key: 'hukum', name: 'Bagian Hukum', unitType: 'BAGIAN' },
      ],
    },
    { key: 'sekwan', name: 'Sekretariat DPRD', shortName: 'Setwan', unitType: 'SEKRETARIAT_DPRD' },
    { key: 'inspektorat', name: 'Inspektorat', unitType: 'INSPEKTORAT' },
    {
      key: 'bappeda',
      name: 'Badan Perencanaan Pembangunan Daerah',
      shortName: 'Bappeda',
      unitType: 'BADAN',
    },
    {
      key: 'bpkad',
      name: 'Badan Pengelolaan Keuangan dan Aset Daerah',
      shortName: 'BPKAD',
      unitType: 'BADAN',
    },
    {
      key: 'bkpsdm',
      name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
      shortName: 'BKPSDM',
      unitType: 'BADAN',
    },
    {
      key: 'dinkes',
      name: 'Dinas Kesehatan',
      shortName: 'Dinkes',
      unitType: 'DINAS',
      children: [
        { key: 'pkm-neglasari', name: 'Puskesmas Neglasari', unitType: 'PUSKESMAS' },
        { key: 'pkm-pasar-baru', name: 'Puskesmas Pasar Baru', unitType: 'PUSKESMAS' },
        { key: 'rsud', name: 'RSUD Kota Tangerang', unitType: 'RSUD' },
      ],
    },
    { key: 'dindik', name: 'Dinas Pendidikan', shortName: 'Dindik', unitType: 'DINAS' },
    { key: 'dinsos', name: 'Dinas Sosial', shortName: 'Dinsos', unitType: 'DINAS' },
    {
      key: 'dp3ap2kb',
      name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
      shortName: 'DP3AP2KB',
      unitType: 'DINAS',
    },
    {
      key: 'dpmptsp',
      name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
      shortName: 'DPMPTSP',
      unitType: 'DINAS',
    },
    {
      key: 'disdukcapil',
      name: 'Dinas Kependudukan dan Pencatatan Sipil',
      shortName: 'Disdukcapil',
      unitType: 'DINAS',
    },
    {
      key: 'diskominfo',
      name: 'Dinas Komunikasi dan Informatika',
      shortName: 'Diskominfo',
      unitType: 'DINAS',
    },
    { key: 'dispora', name: 'Dinas Pemuda dan Olahraga', shortName: 'Dispora', unitType: 'DINAS' },
    { key: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH', unitType: 'DINAS' },
    {
      key: 'pupr',
      name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      shortName: 'Dinas PUPR',
      unitType: 'DINAS',
    },
    { key: 'satpolpp', name: 'Satuan Polisi Pamong Praja', shortName: 'Satpol PP', unitType: 'SATPOL_PP' },
    {
      key: 'cipondoh',
      name: 'Kecamatan Cipondoh',
      unitType: 'KECAMATAN',
      children: kelurahan(['Cipondoh', 'Cipondoh Indah', 'Poris Plawad']),
    },
    {
      key: 'neglasari',
      name: 'Kecamatan Neglasari',
      unitType: 'KECAMATAN',
      children: kelurahan(['Neglasari', 'Karang Sari', 'Kedaung Baru']),
    },
    { key: 'karawaci', name: 'Kecamatan Karawaci', unitType: 'KECAMATAN' },
    { key: 'kec-tangerang', name: 'Kecamatan Tangerang', unitType: 'KECAMATAN' },
  ],
};
