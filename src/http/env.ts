import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Locale } from '../domain/i18n.ts';
import type { Logger } from '../log.ts';
import type { Actor } from '../services/actor.ts';

/** What every request handler can reach through `c.get(...)`. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** Where unexpected errors are written; `createApp` makes one from LOG_LEVEL when absent. */
  log?: Logger;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    /** Null for the public (not signed in). */
    actor: Actor | null;
    /** How the actor was authenticated: form posts with a cookie need a CSRF token. */
    authVia: 'session' | 'token' | null;
    sessionId: string | null;
    csrfToken: string | null;
    locale: Locale;
  };
};
