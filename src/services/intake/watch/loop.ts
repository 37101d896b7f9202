// The schedule: every `tickMs` one round polls the sources that are due (each has its own
// interval and back-off), until stopped. Used by `prestasi intake watch` and by `serve` when
// INTAKE_WATCH=1. A round that fails as a whole (the database is away) is reported and the
// loop goes on at the next tick.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type PollReport, pollDue, type WatchOptions } from './poll.ts';

export interface LoopOptions {
  tickMs: number;
  signal?: AbortSignal;
  onRound?: (reports: PollReport[]) => void;
  onError?: (err: unknown) => void;
}

export async function watchLoop(
  db: Kysely<Database>,
  watch: Partial<WatchOptions>,
  loop: LoopOptions,
): Promise<void> {
  while (!loop.signal?.aborted) {
    try {
      loop.onRound?.(await pollDue(db, watch));
    } catch (err) {
      loop.onError?.(err);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, loop.tickMs);
      loop.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
