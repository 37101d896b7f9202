// Database errors that a caller's input can cause, recognised the same way on both engines,
// so that the HTTP layer answers 409/422 instead of 500 (e.g. two requests racing to create
// the same email: the loser hits the unique index, whichever database it is).

const codeOf = (err: unknown) => (err as { code?: unknown } | null)?.code;

/** A unique index or primary key refused a duplicate (PostgreSQL 23505, SQLite CONSTRAINT_UNIQUE). */
export function isUniqueViolation(err: unknown): boolean {
  const code = codeOf(err);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The column a unique violation names, when the engine says it ('email'), else null. */
export function uniqueViolationColumn(err: unknown): string | null {
  const e = err as { detail?: string; message?: string };
  // PostgreSQL: detail "Key (email)=(a@b.c) already exists."; SQLite: "UNIQUE constraint failed: users.email".
  const pg = e.detail?.match(/^Key \(([^)]+)\)=/)?.[1];
  const sqlite = e.message?.match(/constraint failed: [\w]+\.(\w+)/)?.[1];
  const column = (pg ?? sqlite)?.split(',').pop()?.trim();
  return column ? column.replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase()) : null;
}

/** A number outside the column's range (PostgreSQL 22003 — SQLite stores any 64-bit integer). */
export function isOutOfRange(err: unknown): boolean {
  return codeOf(err) === '22003';
}

/**
 * A write outside the actor's own region, refused by the query layer (RegionScopeViolation,
 * src/db/region-scope.ts) or by PostgreSQL's row-level security (42501 "… row-level security
 * policy …"). A service check should have refused it first, so it is also logged as a defect.
 */
export function isRegionViolation(err: unknown): boolean {
  if ((err as { name?: unknown } | null)?.name === 'RegionScopeViolation') return true;
  return codeOf(err) === '42501' && /row-level security/.test(String((err as Error).message));
}
