import pino from 'pino';

/** Structured logs (JSON lines on stdout). LOG_LEVEL=debug logs every request. */
export function createLogger(level: string) {
  return pino({ level, base: { app: 'prestasi' } });
}

export type Logger = ReturnType<typeof createLogger>;
