// Indonesian news text → the awards it reports as received, and the counts it claims.
// Pure and deterministic: no I/O, no network, no model. See docs/extract.md for the rules.

export { extractArticle, MAX_TEXT_CHARS } from './article.ts';
export { parseFeed } from './feeds.ts';
export { htmlToArticle } from './html.ts';
export {
  findRegions,
  type Region,
  type RegionMention,
  regionByCode,
  regionByName,
} from './regions/gazetteer.ts';
export { findUnit } from './regions/units.ts';
export { extractSource, InputError, MAX_INPUT_BYTES } from './source.ts';
export type { ArticleExtraction, AwardEvent, CountClaim, ExtractOptions, Slot, SlotSource } from './types.ts';
