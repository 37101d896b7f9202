import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
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
    /**
     * The database as the app opened it, for what is the same for every reader (the open-data
     * files and the versions they are kept by). A signed-in request's `deps.db` is scoped to its
     * regions: a new handle per request, so nothing kept by it outlives the request.
     */
    appDb: Kysely<Database>;
    /** Null for the public (not signed in). */
    actor: Actor | null;
    /** How the actor was authenticated: form posts with a cookie need a CSRF token. */
    authVia: 'session' | 'token' | null;
    sessionId: string | null;
    csrfToken: string | null;
    locale: Locale;
  };
};
