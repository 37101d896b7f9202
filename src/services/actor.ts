import type { Role } from '../db/schema.ts';

/** Who is acting: a signed-in user, a token holder, or the system (CLI, demo, migrations). */
export interface Actor {
  id: number | null;
  label: string;
  role: Role;
  /** Operators act for one unit subtree; null for everyone else. */
  unitId: number | null;
  unitPath: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system', role: 'admin', unitId: null, unitPath: null };

export { ROLES } from '../db/schema.ts';
