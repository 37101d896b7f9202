// Labels the exported documents print for award levels: the Indonesian words of
// src/domain/labels.ts, the one place level words are declared.
import { LEVEL_LABELS as WORDS } from '../../domain/labels.ts';

export const LEVEL_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(WORDS).map(([code, w]) => [code, w.id]),
);
