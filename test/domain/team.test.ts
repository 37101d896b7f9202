import { describe, expect, it } from 'vitest';
import { readTeamCell, teamCell } from '../../src/domain/awards/team.ts';

describe('a team in one spreadsheet cell', () => {
  const never = () => false;

  it('writes members with their roles in brackets, and reads them back', () => {
    const cell = teamCell([
      { unitName: 'Dinas Kesehatan', personName: null, role: 'Ketua' },
      { unitName: null, personName: 'dr. Ani', role: null },
    ]);
    expect(cell).toBe('Dinas Kesehatan (Ketua); dr. Ani');
    expect(readTeamCell(cell!, never)).toEqual([
      { name: 'Dinas Kesehatan', role: 'Ketua' },
      { name: 'dr. Ani', role: null },
    ]);
    expect(teamCell([])).toBeNull();
  });

  it('reads members on separate lines, and keeps a bracket that is another name for the member', () => {
    const dinkes = (name: string, bracket: string) => name === 'Dinas Kesehatan' && bracket === 'Dinkes';
    expect(readTeamCell('Dinas Kesehatan (Dinkes)\n Budi (Anggota) ;; ', dinkes)).toEqual([
      { name: 'Dinas Kesehatan (Dinkes)', role: null },
      { name: 'Budi', role: 'Anggota' },
    ]);
  });
});
