// Table types for Kysely. One portable shape for SQLite and PostgreSQL:
// booleans are integers 0/1, dates are ISO text ('2025-05-23'), timestamps ISO text,
// JSON is text. That keeps one code path and identical results on both databases.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Bool = 0 | 1;

export interface RegionTable {
  /** The Kemendagri code as a number: '36.71' -> 3671 (domain/region-code.ts). */
  id: number;
  code: string; // Kemendagri code, '36.71'
  name: string;
  kind: 'kota' | 'kabupaten' | 'provinsi';
  /** The province of a kabupaten/kota; null for a province. */
  parent_id: number | null;
  founded_on: string | null;
  emblem_url: string | null;
  created_at: string;
}

export interface OrgUnitTable {
  id: Generated<number>;
  region_id: number;
  parent_id: number | null;
  name: string;
  short_name: string | null;
  unit_type: string;
  /** Materialised path '/1/5/12/': a subtree is `path LIKE '/1/5/%'`. */
  path: string;
  active: Bool;
  created_at: string;
  updated_at: string;
}

export interface AwardingBodyTable {
  id: Generated<number>;
  code: string;
  abbreviation: string;
  name: string;
  aliases: string; // JSON array of strings
  level: string;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: number | null;
  created_at: string;
}

export interface FieldTable {
  id: Generated<number>;
  code: string;
  name_id: string;
  name_en: string;
  sort_order: number;
  active: Bool;
}

/** provinsi reads its province and its kabupaten/kota; nasional reads every region; both read only. */
export const ROLES = [
  'admin',
  'verifikator',
  'operator',
  'kurator',
  'viewer',
  'provinsi',
  'nasional',
] as const;
export type Role = (typeof ROLES)[number];

export interface UserTable {
  id: Generated<number>;
  region_id: number;
  email: string;
  name: string;
  role: Role;
  unit_id: number | null;
  password_hash: string | null;
  active: Bool;
  locale: string;
  created_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  region_id: number;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SessionTable {
  id: string; // sha256 of the cookie value
  region_id: number;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginAttemptTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export const AWARD_STATES = ['draft', 'submitted', 'returned', 'verified'] as const;
export type AwardState = (typeof AWARD_STATES)[number];
export type RecipientKind = 'region' | 'unit' | 'team';

export interface AwardTable {
  id: Generated<number>;
  region_id: number;
  title: string;
  programme: string | null;
  edition_year: number;
  awarding_body_id: number | null;
  awarding_body_text: string | null;
  level: string | null;
  field_id: number | null;
  category: string | null;
  recipient_kind: RecipientKind;
  /** The unit behind the award (for 'region' the unit that filed it, may be null). */
  unit_id: number | null;
  /** Unit path copied from the unit at write time, so subtree filters need no join. */
  unit_path: string | null;
  recipient_note: string | null;
  received_on: string | null;
  place: string | null;
  rank: string | null;
  rank_position: number | null;
  score: number | null;
  scale_id: string | null;
  scale_version: string | null;
  grade_code: string | null;
  grade_label: string | null;
  grade_zone: string | null;
  status_label: string | null;
  legal_basis: string | null;
  description: string | null;
  series_key: string | null;
  is_public: Bool;
  state: AwardState;
  return_reason: string | null;
  import_key: string | null;
  version: number;
  created_by: number | null;
  updated_by: number | null;
  submitted_at: string | null;
  verified_at: string | null;
  verified_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface AwardTeamMemberTable {
  id: Generated<number>;
  region_id: number;
  award_id: number;
  unit_id: number | null;
  person_name: string | null;
  role: string | null;
  position: number;
}

/** Counts the database keeps (migration 017): awards per region, year, visibility and group. */
export interface AwardCountTable {
  region_id: number;
  /**
   * 'field' | 'giver' | 'level' | 'received' (key: the month, '2024-03') | 'unit' (key: the unit's
   * path, sub: the field); and for unverified records with a unit only, 'unit_giver' |
   * 'unit_level' | 'unit_received' (key: the unit's path, sub: the giver, level or month).
   */
  dim: string;
  /** 'public' (verified, public) | 'hidden' (verified, not public) | 'draft' | 'submitted' | 'returned' */
  vis: string;
  key: string;
  sub: string;
  edition_year: number;
  n: number;
}

export interface EvidenceTable {
  id: Generated<number>;
  region_id: number;
  award_id: number;
  kind: 'file' | 'link' | 'article';
  url: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  caption: string | null;
  quote: string | null;
  article_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  region_id: number;
  at: string;
  actor_id: number | null;
  actor_label: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

export interface ScaleTable {
  id: string;
  name: string;
  giver_code: string | null;
  kind: 'numeric' | 'ordinal';
  confidence: string;
  description: string | null;
  builtin: Bool;
  created_at: string;
}

export interface ScaleVersionTable {
  id: Generated<number>;
  scale_id: string;
  version: string;
  valid_from_year: number | null;
  valid_to_year: number | null;
  precision: number;
  legal_basis: string | null;
  source: string | null;
  bands_json: string; // ordered bands, see domain/grading
  created_at: string;
}

export interface ArticleTable {
  id: Generated<number>;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published_on: string | null;
  content_hash: string;
  body: string;
  source_kind: string;
  created_by: number | null;
  created_at: string;
}

export type FindingState = 'pending' | 'accepted' | 'merged' | 'rejected';

export interface FindingTable {
  id: Generated<number>;
  region_id: number;
  fingerprint: string;
  state: FindingState;
  proposal_json: string;
  confidence: number;
  matched_award_id: number | null;
  /** The match a curator dismissed ("not the same award"), kept so it can be undone. */
  dismissed_match_award_id: Generated<number | null>;
  award_id: number | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface FindingSourceTable {
  id: Generated<number>;
  region_id: number;
  finding_id: number;
  article_id: number;
  quote: string;
  start_offset: number;
  end_offset: number;
  /** JSON Partial<Record<Slot, SlotSource>>: each slot's span in this article; null before 006. */
  slots_json: string | null;
  /** Set when a curator dismissed this source as evidence of the finding's award. */
  offer_dismissed_at: string | null;
  offer_dismissed_by: number | null;
}

export interface ClaimTable {
  id: Generated<number>;
  article_id: number;
  count: number;
  period: string | null;
  subject: string | null;
  quote: string;
}

/** An award event set aside because it is not the home region's (see services/intake/region.ts). */
export interface OtherRegionEventTable {
  id: Generated<number>;
  article_id: number;
  /** 'other_region' | 'no_region' | 'giver_recipient' */
  reason: string;
  region_code: string | null;
  region_name: string | null;
  proposal_json: string;
  quote: string;
  start_offset: number;
  end_offset: number;
  created_at: string;
}

export type NewsSourceKind = 'feed' | 'sitemap' | 'html';

/** A news source watched for new articles (services/intake/watch). */
export interface NewsSourceTable {
  id: Generated<number>;
  region_id: number;
  name: string;
  url: string;
  kind: NewsSourceKind;
  outlet: string | null;
  interval_minutes: number;
  active: Bool;
  /** The shared fetch record of its address (source_fetches): one request serves every region watching it. */
  fetch_id: number;
  /** The listing (its hash) this source last read; behind the fetch record's means a full GET is due. */
  listing_hash: string | null;
  last_fetch_at: string | null;
  last_success_at: string | null;
  /** 'ok' | 'not_modified' | 'error' */
  last_status: string | null;
  last_error: string | null;
  /** Failed polls in a row; the next poll backs off with it. */
  failures: number;
  next_fetch_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/**
 * One watched address, shared by every region's source of it (migration 013): the validators
 * of its last full answer and the hash of that listing.
 */
export interface SourceFetchTable {
  id: Generated<number>;
  /** The address as requested: the source's URL without its #fragment. */
  url: string;
  etag: string | null;
  last_modified: string | null;
  listing_hash: string | null;
  last_fetch_at: string | null;
  /** 'ok' | 'not_modified' | 'error' */
  last_status: string | null;
  created_at: string;
}

/** A link a source listed: fetched once, then remembered with its article or its error. */
export interface SourceItemTable {
  id: Generated<number>;
  region_id: number;
  source_id: number;
  url: string;
  article_id: number | null;
  error: string | null;
  seen_at: string;
  /** Fetches tried so far (1 after the first). */
  attempts: Generated<number>;
  /** When a link that failed for a passing reason is tried again; null: final. */
  retry_at: string | null;
  /** What the listing said of the link (a feed item's title and date), kept for a retry. */
  item_title: string | null;
  item_published: string | null;
}

/** One MinHash LSH key of an article (near-duplicate look-up). */
export interface ArticleBandTable {
  article_id: number;
  band: string;
}

export interface ImportBatchTable {
  id: Generated<number>;
  region_id: number;
  file_name: string;
  sha256: string;
  rows_total: number;
  rows_created: number;
  rows_skipped: number;
  created_by: number | null;
  created_at: string;
}

export interface Database {
  regions: RegionTable;
  org_units: OrgUnitTable;
  awarding_bodies: AwardingBodyTable;
  fields: FieldTable;
  users: UserTable;
  api_tokens: ApiTokenTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  awards: AwardTable;
  award_team_members: AwardTeamMemberTable;
  award_counts: AwardCountTable;
  evidence: EvidenceTable;
  audit_events: AuditEventTable;
  scales: ScaleTable;
  scale_versions: ScaleVersionTable;
  articles: ArticleTable;
  findings: FindingTable;
  finding_sources: FindingSourceTable;
  claims: ClaimTable;
  import_batches: ImportBatchTable;
  other_region_events: OtherRegionEventTable;
  news_sources: NewsSourceTable;
  source_items: SourceItemTable;
  source_fetches: SourceFetchTable;
  article_bands: ArticleBandTable;
}

export type AwardRow = Selectable<AwardTable>;
export type NewAward = Insertable<AwardTable>;
export type AwardPatch = Updateable<AwardTable>;
export type OrgUnitRow = Selectable<OrgUnitTable>;
export type UserRow = Selectable<UserTable>;
export type AwardingBodyRow = Selectable<AwardingBodyTable>;
export type FieldRow = Selectable<FieldTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
