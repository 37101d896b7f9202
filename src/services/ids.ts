import { z } from './zod.ts';

// Row ids are INTEGER columns: 64-bit on SQLite but 32-bit (int4) on PostgreSQL, which fails
// with an error (a 500) on anything larger instead of simply finding nothing. Every id that
// comes from outside — path, query, body, form — is checked against this one limit first.
export const MAX_DB_ID = 2_147_483_647;

const idMessage = `Id harus bilangan bulat 1–${MAX_DB_ID} (id must be a whole number from 1 to ${MAX_DB_ID})`;

/** An id in a JSON body. */
export const dbId = () =>
  z.number({ message: idMessage }).int(idMessage).min(1, idMessage).max(MAX_DB_ID, idMessage);

/** An id in a path or query string (text, coerced to a number). */
export const dbIdText = () =>
  z.coerce.number({ message: idMessage }).int(idMessage).min(1, idMessage).max(MAX_DB_ID, idMessage);

/** An id from a form or URL segment, or null when it is not a valid id (so it finds nothing). */
export function parseDbId(raw: string | undefined | null): number | null {
  if (raw === undefined || raw === null || !/^\s*\d{1,10}\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_DB_ID ? n : null;
}
