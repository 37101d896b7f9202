import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies and API tokens (256 bits, URL-safe). */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/**
 * Tokens and session ids are long random values, so a plain SHA-256 is enough to store them:
 * nobody can guess a preimage, and lookups stay a single indexed equality.
 */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
