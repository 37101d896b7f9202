import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { $ZodError } from 'zod/v4/core';
import { isOutOfRange, isRegionViolation, isUniqueViolation, uniqueViolationColumn } from '../db/errors.ts';
import { AppError, type ErrorDetail } from '../services/errors.ts';

// Every error a user can cause leaves as { error: { code, message, details } } with a 4xx.
// Anything else is a bug: logged with its stack, answered with a plain 500.

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

/**
 * `err instanceof ZodError` as zod itself answers it (its classes test a trait that every zod
 * error carries), without loading zod: answering an error needs none of it, and the middleware
 * and /healthz start before zod is loaded (server.ts).
 */
const isZodError = (err: unknown): err is $ZodError =>
  (err as { _zod?: { traits?: Set<string> } } | null)?._zod?.traits?.has('$ZodError') === true;

export function zodDetails(err: $ZodError): ErrorDetail[] {
  return err.issues.map((i) => ({ field: i.path.join('.') || undefined, message: i.message }));
}

export function toErrorBody(err: unknown): { status: number; body: ErrorBody } | null {
  if (err instanceof AppError)
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, details: err.details } },
    };
  if (isZodError(err))
    return {
      status: 422,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Data tidak valid: perbaiki isian yang disebut.',
          details: zodDetails(err),
        },
      },
    };
  // Backstops for checks that only the database can make atomically (two racing creates of the
  // same email), or that a schema missed: the caller's input, so a 4xx — never a 500.
  if (isUniqueViolation(err)) {
    const field = uniqueViolationColumn(err) ?? undefined;
    return {
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: `Data yang sama sudah ada${field ? ` (${field})` : ''}: pakai nilai lain atau ubah data yang ada.`,
          details: [{ field, message: 'Sudah dipakai (already exists)' }],
        },
      },
    };
  }
  if (isRegionViolation(err))
    return {
      status: 403,
      body: {
        error: {
          code: 'forbidden',
          message: 'Data ini milik wilayah lain: Anda hanya boleh mengubah data wilayah Anda sendiri.',
          details: [],
        },
      },
    };
  if (isOutOfRange(err))
    return {
      status: 422,
      body: {
        error: {
          code: 'validation_failed',
          message:
            'Angka di luar jangkauan yang bisa disimpan (number out of range); periksa isian angka dan id.',
          details: [],
        },
      },
    };
  if (err instanceof HTTPException) {
    const status = err.status;
    const known: Record<number, [string, string]> = {
      400: ['bad_request', 'Permintaan tidak bisa dibaca'],
      401: ['unauthenticated', 'Masuk dulu (sign in)'],
      413: ['payload_too_large', 'Permintaan terlalu besar'],
      415: [
        'unsupported_media_type',
        'Jenis isi permintaan tidak diterima di sini: kirim application/json, atau multipart/form-data untuk berkas.',
      ],
    };
    const [code, fallback] = known[status] ?? ['bad_request', 'Permintaan tidak bisa diproses'];
    const message = /json/i.test(err.message)
      ? 'Badan permintaan bukan JSON yang sah (malformed JSON): periksa koma, kutip dan kurung.'
      : status === 415
        ? fallback
        : err.message || fallback;
    return { status, body: { error: { code, message, details: [] } } };
  }
  return null;
}

export function jsonError(c: Context, err: unknown) {
  const known = toErrorBody(err);
  if (known) return c.json(known.body, known.status as 400);
  return c.json(
    { error: { code: 'internal', message: 'Terjadi kesalahan di server; sudah dicatat.', details: [] } },
    500,
  );
}
