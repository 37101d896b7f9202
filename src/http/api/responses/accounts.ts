import { z } from '@hono/zod-openapi';
import { ROLES } from '../../../db/schema.ts';
import { itemsOf, oneOf } from './common.ts';

// Users, API tokens and sessions, as auth/accounts.ts and the auth routes answer them.

const int = () => z.number().int();

export const UserSchema = z
  .strictObject({
    id: int(),
    email: z.string(),
    name: z.string(),
    role: oneOf(ROLES),
    unitId: int().nullable(),
    active: z.boolean(),
    hasPassword: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

export const UsersSchema = itemsOf(UserSchema).openapi('Users');

export const TokenSchema = z
  .strictObject({
    id: int(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Token');

export const TokensSchema = itemsOf(TokenSchema).openapi('Tokens');

export const NewTokenSchema = z
  .strictObject({ ...TokenSchema.shape, token: z.string().openapi({ description: 'Shown this once' }) })
  .openapi('NewToken');

export const LoginResultSchema = z
  .strictObject({
    user: z.strictObject({
      id: int(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      unitId: int().nullable(),
    }),
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on every change' }),
  })
  .openapi('LoginResult');

export const MeSchema = z
  .strictObject({
    id: int().nullable(),
    email: z.string(),
    role: z.enum(ROLES),
    unitId: int().nullable(),
    csrfToken: z.string().nullable(),
  })
  .openapi('Me');
