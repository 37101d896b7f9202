import type { Role } from '../db/schema.ts';

// Demo sign-ins, one or more per role. The passwords are printed by `prestasi demo` and are
// meant for a demo database only: never reuse them on a real installation.

export interface DemoAccount {
  key: string;
  email: string;
  name: string;
  role: Role;
  /** Key of the unit in DEMO_UNIT_TREE (operators: the subtree they work for). */
  unit?: string;
  password: string;
}

const account = (key: string, role: Role, name: string, unit?: string): DemoAccount => ({
  key,
  email: `${key}@prestasi.demo`,
  name,
  role,
  unit,
  password: `demo-${key}-2025`,
});

export const DEMO_ACCOUNTS: DemoAccount[] = [
  account('admin', 'admin', 'Admin Prestasi'),
  account('verifikator', 'verifikator', 'Verifikator Bagian Organisasi', 'organisasi'),
  account('organisasi', 'operator', 'Operator Bagian Organisasi', 'organisasi'),
  account('bkpsdm', 'operator', 'Operator BKPSDM', 'bkpsdm'),
  account('dinkes', 'operator', 'Operator Dinas Kesehatan', 'dinkes'),
  account('hukum', 'operator', 'Operator Bagian Hukum', 'hukum'),
  account('cipondoh', 'operator', 'Operator Kecamatan Cipondoh', 'cipondoh'),
  account('bpkad', 'operator', 'Operator BPKAD', 'bpkad'),
  account('dp3ap2kb', 'operator', 'Operator DP3AP2KB', 'dp3ap2kb'),
  account('dispora', 'operator', 'Operator Dinas Pemuda dan Olahraga', 'dispora'),
  account('kurator', 'kurator', 'Kurator Berita Diskominfo', 'diskominfo'),
  account('pimpinan', 'viewer', 'Pimpinan (Wali Kota)'),
];
