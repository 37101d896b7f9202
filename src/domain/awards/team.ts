// A team written in one spreadsheet cell: members separated by semicolons (or lines), each a
// unit or a person, a member's role in brackets after it — "Dinas Kesehatan (Ketua); dr. Ani".
// The exports and open data write it this way and the import reads it back, so a team keeps
// its roles through a round trip.

export interface TeamCellMember {
  /** The unit's name or the person's, as written. */
  name: string;
  role: string | null;
}

/** The cell for a team: "Dinas Kesehatan (Ketua); dr. Ani"; null for no team. */
export function teamCell(
  members: readonly { unitName: string | null; personName: string | null; role: string | null }[],
): string | null {
  const parts = members.map((m) => {
    const name = m.unitName ?? m.personName ?? '';
    return m.role ? `${name} (${m.role})` : name;
  });
  return parts.join('; ') || null;
}

/**
 * The members a cell names. A bracket that is another name for the same member ("Dinas
 * Kesehatan (Dinkes)", asked through `sameMember`) is part of the name, not a role.
 */
export function readTeamCell(
  cell: string,
  sameMember: (name: string, bracket: string) => boolean,
): TeamCellMember[] {
  return cell
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const bracket = /^(.+?)\s*\(([^()]+)\)$/.exec(entry);
      if (!bracket || sameMember(bracket[1]!, bracket[2]!)) return { name: entry, role: null };
      return { name: bracket[1]!, role: bracket[2]!.trim() };
    });
}
