// The `prestasi grade` command end to end, through bin/prestasi.js.
import { describe, expect, it } from 'vitest';
import { prestasi as cli } from '../../cli/run-cli.ts';

// Async so the cases run side by side: each one starts the whole CLI (~0.7 s).
const prestasi = (...args: string[]) => cli(['grade', ...args]);

describe.concurrent('prestasi grade', () => {
  it('prints the grade as JSON', async () => {
    const r = await prestasi(
      '--scale',
      'ombudsman-kepatuhan',
      '--year',
      '2024',
      '--score',
      '94.76',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      scale: 'ombudsman-kepatuhan',
      version: '2',
      code: 'A',
      label: 'Opini Kualitas Tertinggi',
      zone: 'hijau',
    });
  });

  it('prints a readable line without --json, Indonesian by default', async () => {
    const r = await prestasi('--scale', 'ombudsman-kepatuhan', '--year', '2021', '--score', '80,99');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(
      'ombudsman-kepatuhan 2021 (versi 1): 80,99 → KUNING — Kepatuhan Sedang, Zona Kuning',
    );
  });

  it('grades BPK opinions with --opinion', async () => {
    const r = await prestasi(
      '--scale',
      'bpk-opini',
      '--year',
      '2024',
      '--opinion',
      'wajar tanpa pengecualian',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      scale: 'bpk-opini',
      version: '1',
      code: 'WTP',
      label: 'Wajar Tanpa Pengecualian',
      zone: null,
    });
  });

  it.each([
    [
      ['--scale', 'nope', '--year', '2024', '--score', '1'],
      /unknown scale "nope": use one of ombudsman-kepatuhan, sakip/,
    ],
    [['--scale', 'kla', '--year', '2024', '--score', 'banyak'], /--score must be a number/],
    [
      ['--scale', 'kla', '--year', '2024', '--score', '499'],
      /outside scale kla version 1, which grades \[500, 1000\]/,
    ],
    [['--scale', 'ombudsman-kepatuhan', '--year', '2025', '--score', '90'], /no version for 2025/],
    [['--scale', 'bpk-opini', '--year', '2024', '--opinion', 'bagus'], /use one of WTP, WDP, TW, TMP/],
    [['--scale', 'bpk-opini', '--year', '2024', '--score', '4'], /give --opinion WTP\|WDP\|TW\|TMP/],
    [['--scale', 'sakip', '--year', 'tahun', '--score', '80'], /--year must be a four-digit/],
  ])('bad input %j → exit 2 and a message, no stack trace', async (args, message) => {
    const r = await prestasi(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
