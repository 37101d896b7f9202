/** Timestamps are stored as ISO text in both databases. */
export const nowIso = (): string => new Date().toISOString();
