import type { Role } from '../db/schema.ts';

/** Who is acting: a signed-in user, a token holder, or the system (CLI, demo, migrations). */
export interface Actor {
  id: number | null;
  label: string;
  role: Role;
  /** Operators act for one unit subtree; null for everyone else. */
  unitId: number | null;
  unitPath: string | null;
  /**
   * The region the actor belongs to: every record it writes is of this region. Null only for
   * the system (CLI admin, demo seeding, the news watcher), which writes in the record's region.
   */
  regionId: number | null;
  /** The regions it may read: its own; a province's kabupaten/kota too; null = every region. */
  readRegionIds: number[] | null;
}

/** The maintenance context: explicit, never a signed-in user. */
export const SYSTEM_ACTOR: Actor = {
  id: null,
  label: 'system',
  role: 'admin',
  unitId: null,
  unitPath: null,
  regionId: null,
  readRegionIds: null,
};

export { ROLES } from '../db/schema.ts';
