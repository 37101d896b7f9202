import { resolve } from 'node:path';
import { DEFAULT_DATABASE_URL } from './db/database.ts';

// All configuration comes from the environment (README "Configuration" lists it).
export interface Config {
  databaseUrl: string;
  port: number;
  /** Where uploaded evidence files are kept (content-addressed by SHA-256). */
  uploadDir: string;
  maxUploadBytes: number;
  /** Send cookies with `Secure`: set when served over HTTPS. */
  secureCookies: boolean;
  sessionHours: number;
  /** Shown in the header and the showcase; the emblem is a URL or a path under /static. */
  siteName: string | null;
  emblemUrl: string | null;
  /** The site's public address (https://prestasi.example.go.id) for canonical and sharing links. */
  publicUrl: string | null;
  logLevel: string;
  /** Poll watched news sources inside `serve` (INTAKE_WATCH=1, or `serve --watch`). */
  intakeWatch: boolean;
  /** Let watched sources live on this machine or a private network (tests, intranets). */
  intakeWatchAllowPrivate: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    port: Number(env.PORT || 3000),
    uploadDir: resolve(env.UPLOAD_DIR || './data/uploads'),
    maxUploadBytes: Number(env.MAX_UPLOAD_MB || 10) * 1024 * 1024,
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    sessionHours: Number(env.SESSION_HOURS || 12),
    siteName: env.SITE_NAME || null,
    emblemUrl: env.EMBLEM_URL || null,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' || env.VITEST ? 'silent' : 'info'),
    intakeWatch: env.INTAKE_WATCH === '1' || env.INTAKE_WATCH === 'true',
    intakeWatchAllowPrivate:
      env.INTAKE_WATCH_ALLOW_PRIVATE === '1' || env.INTAKE_WATCH_ALLOW_PRIVATE === 'true',
  };
}
