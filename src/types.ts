/**
 * The project's data model: every boundary between pipeline stages is typed here.
 *
 *   ingest → segment → extract → claims → match → merge → conflicts → write / report
 *
 * One coordinate system: a `Span` is a pair of 0-based UTF-16 offsets into an
 * article's raw `text` (end exclusive), the same units as remark's
 * `position.offset`, chrono's `index` and JavaScript's `String.prototype.slice`.
 * Raw text is never modified; everything else is a view onto it.
 */

// ─── Coordinates ────────────────────────────────────────────────────────────

export interface Span {
  start: number;
  end: number;
}

/** A quote with its place in a source, as written to the outputs. */
export interface Evidence {
  source: string; // article id
  quote: string; // exactly article.text.slice(start, end)
  start: number;
  end: number;
  line: number; // 1-based
  column: number; // 1-based, UTF-16 units
}

// ─── Problems (bad input is data) ───────────────────────────────────────────

export type ProblemSeverity = 'error' | 'warning';

/** Something wrong with the input, reported as `path:line: message`. */
export interface Problem {
  path: string;
  line: number | null;
  severity: ProblemSeverity;
  message: string;
}

// ─── Articles (ingest) ──────────────────────────────────────────────────────

export interface ArticleMeta {
  outlet: string | null;
  /** ISO 8601 date (`2025-03-18`) or date-time (`2025-03-18T09:00:00Z`). */
  published: string | null;
  title: string | null;
  url: string | null;
  /** IANA zone (`Europe/Moscow`) or fixed offset (`+03:00`). */
  timezone: string | null;
  language: string | null;
}

export type MetaField = keyof ArticleMeta;

/** A metadata value the pipeline guessed from the text or the URL. */
export interface Inference {
  field: MetaField;
  value: string;
  /** How it was found, e.g. "dateline", "url-domain", "latest-date-near-top". */
  rule: string;
  /** Where in the raw text the evidence is, when it comes from the text. */
  evidence: Span | null;
}

export type InputFormat = 'text' | 'markdown' | 'json' | 'jsonl' | 'html';

export interface Article {
  /** Stable id: the record's own id when it has one, else derived from the path. */
  id: string;
  /** Path of the file it came from, relative to the working directory, `/`-separated. */
  path: string;
  format: InputFormat;
  /**
   * The raw article text, never modified (no BOM or CRLF normalization).
   * For `.txt`/`.md` it is the whole decoded file (front matter included, so
   * offsets and lines are the file's own); for JSON records the decoded text
   * field; for HTML the text extracted from the page.
   */
  text: string;
  /** The part of `text` that is the article: after YAML front matter and any BOM. */
  body: Span;
  /**
   * Where `text` sits in its file: 1-based line of its first character
   * (1 for .txt/.md/.html, the record's line for JSONL). Evidence lines add to it.
   */
  origin: { line: number };
  /** sha256 (hex) of `text` encoded as UTF-8. */
  sha256: string;
  meta: ArticleMeta;
  inferences: Inference[];
}

/** What ingest returns: articles plus everything that went wrong on the way. */
export interface IngestResult {
  articles: Article[];
  problems: Problem[];
  /** Files looked at, for the summary; skipped ones are also listed in problems. */
  files: { path: string; format: InputFormat | 'skipped'; articles: number }[];
}

// ─── Segmentation ───────────────────────────────────────────────────────────

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'line';

/** Why a block is boilerplate: later stages skip it, the report may still show it. */
export type BoilerplateKind =
  | 'caption' // photo captions and credits
  | 'credit'
  | 'byline' // author bios, bylines
  | 'related' // "Related Articles" lists and their teasers
  | 'timestamp' // "11 hours ago"
  | 'comments' // comment boxes
  | 'promo' // newsletter, app, AI-feature promos
  | 'navigation' // menus, "Read more", share links, hashtags
  | 'infobox' // wiki infobox / metadata lists
  | 'standards'; // "Our Standards: …", copyright lines

export interface Block extends Span {
  index: number;
  kind: BlockKind;
  /** Heading level (1 for `= Title =`, 2 for `== Section ==`, …). */
  level?: number;
  /** Index of the heading block this block sits under, or null. */
  heading: number | null;
  boilerplate: { kind: BoilerplateKind; rule: string } | null;
}

export interface Sentence extends Span {
  index: number;
  block: number;
}

export interface SegmentedArticle {
  article: Article;
  blocks: Block[];
  sentences: Sentence[];
}

// ─── Mentions (extract) ─────────────────────────────────────────────────────

export type MentionKind =
  | 'date'
  | 'time'
  | 'duration'
  | 'set'
  | 'person'
  | 'place'
  | 'organization'
  | 'quantity';

/** A numeric interval: "more than two hours" = {min: 120, max: null, unit: 'minute'}. */
export interface Interval {
  min: number | null;
  max: number | null;
  unit: string;
}

export type Qualifier = 'exact' | 'about' | 'more-than' | 'less-than' | 'at-least' | 'at-most' | 'range';

export interface QuantityValue extends Interval {
  qualifier: Qualifier;
  /** What is counted, when known ("prisoners of war", "troops", "meetings"). */
  what?: string;
}

export type Granularity = 'year' | 'month' | 'week' | 'day' | 'minute';

/** A resolved point in time, keeping what the text said apart from what was implied. */
export interface TimeValue {
  /** TIMEX3 value: `2025`, `2025-03`, `2025-W12`, `2025-03-18`, `2025-03-18T14:00`. */
  timex: string;
  granularity: Granularity;
  /** The calendar date in the text's own frame (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string | null;
  /** ISO instant in UTC (`2025-03-18T14:00Z`) when a time of day and zone are known. */
  utc: string | null;
  /** Which components the text stated; the rest were implied by context. */
  known: { year: boolean; month: boolean; day: boolean; time: boolean; zone: boolean };
  /** The zone used: from the text ("ET", "Moscow time") or the article's. */
  zone: string | null;
}

export interface Mention extends Span {
  source: string; // article id
  kind: MentionKind;
  text: string; // exactly article.text.slice(start, end)
  /** TIMEX3 string for temporal kinds, canonical name for entities, interval for quantities. */
  value: string | QuantityValue;
  /** Richer value for temporal kinds. */
  time?: TimeValue;
  /** For a range ("2017-2021", "10:00 to 12:35") the end of it. */
  endTime?: TimeValue;
  /** For durations: the interval in minutes. */
  duration?: QuantityValue;
  sentence: number;
  /** The rule that made it, chrono-style ("chrono", "hhmm-zone", "year-carry"…). */
  rule: string;
}

// ─── Event mentions and claims ──────────────────────────────────────────────

/** Event types (documented in the README). */
export type EventType =
  | 'phone_call'
  | 'meeting'
  | 'talks'
  | 'summit'
  | 'agreement'
  | 'statement'
  | 'attack'
  | 'death'
  | 'arrest'
  | 'election'
  | 'disaster'
  | 'ceasefire'
  | 'prisoner_exchange'
  | 'other';

export type Modality = 'actual' | 'planned' | 'negated' | 'hypothetical';

export interface EventMention extends Span {
  id: string; // stable: `${source}:e${trigger.start}`
  source: string;
  type: EventType;
  trigger: Span;
  triggerText: string;
  sentence: number;
  block: number;
  participants: string[]; // canonical names
  time: TimeValue | null;
  /** Span of the time expression that dated it, if any. */
  timeSpan: Span | null;
  place: string | null;
  modality: Modality;
  /** Who says it: "the Kremlin", "a White House official", "TASS"; null when the outlet itself. */
  attribution: string | null;
}

export type ClaimValue = string | QuantityValue | TimeValue | string[];

export interface Claim {
  id: string; // stable: `${source}:${start}-${end}:${attribute}`
  /** Event mention id in extraction; canonical event id once merged. */
  event: string;
  attribute: string; // date, start_time, end_time, duration, location, participants, count.<what>, amount.<what>
  value: ClaimValue;
  /** The surface text of the value ("an hour and a half"). */
  text: string;
  source: string;
  evidence: Evidence;
  attribution: string | null;
  modality: Modality;
}

export interface ArticleExtraction {
  source: string;
  mentions: Mention[];
  events: EventMention[];
  claims: Claim[];
}

// ─── Canonical dataset (events.json) ────────────────────────────────────────

export type AttributeStatus = 'agreed' | 'single-source' | 'conflict' | 'resolved';

export interface CanonicalAttribute {
  value: ClaimValue;
  text: string;
  status: AttributeStatus;
  claims: string[];
  /**
   * Optional (reconcile): 'planned' when the value comes only from planned or
   * hypothetical claims ("scheduled for 1300 GMT") and no actual value is known.
   * Absent for actual values.
   */
  modality?: Modality;
  /**
   * Optional (reconcile), list-valued attributes only (`participants`): each name →
   * the sources (article ids) whose claims name it. The value is the union of the
   * names; an outlet naming fewer people is not a disagreement.
   */
  provenance?: Record<string, string[]>;
}

export interface MergeReason {
  /** Comparison label, Splink-style: "same date", "different year", "participants 2/2". */
  label: string;
  weight: number;
}

export interface CanonicalEvent {
  id: string;
  type: EventType;
  title: string;
  date: string | null;
  participants: string[];
  location: string | null;
  sources: string[];
  attributes: Record<string, CanonicalAttribute>;
  /** Event mentions merged into this event. */
  mentions: string[];
  /** Why the mentions were merged: one entry per accepted link. */
  mergeReasons: { a: string; b: string; score: number; reasons: MergeReason[] }[];
  /** The story it belongs to (`st-…`): events of one story are follow-ups of each other (reconcile/stories.ts). */
  story: string;
}

export type ConflictKind =
  | 'contradiction'
  | 'imprecision'
  | 'scheduled-vs-actual'
  | 'different-time-reference'
  | 'outdated-report';

export interface ConflictValue {
  value: ClaimValue;
  text: string;
  sources: string[];
  evidence: Evidence[];
}

export interface Conflict {
  id: string;
  event: string;
  attribute: string;
  kind: ConflictKind;
  severity: 'high' | 'medium' | 'low';
  message: string;
  values: ConflictValue[];
  resolution: { value: ClaimValue; by: string | null; note: string | null } | null;
}

export interface SourceRecord {
  id: string;
  path: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  url: string | null;
  sha256: string;
  primaryEvent: string | null;
  /** The story of its primary event (null when it has none). */
  story: string | null;
}

/**
 * Events of one story: follow-ups of each other (a verdict and the sentencing weeks later),
 * kept as separate events with their own dates (reconcile/stories.ts). Listed only when a
 * story holds two or more events; every event names its story (`story`).
 */
export interface Story {
  id: string;
  /** Its events, earliest first (the story is named after the first). */
  events: string[];
  /** Articles whose primary event is one of them. */
  sources: string[];
  /** Why the events are one story: the two event mentions each link compared, and how. */
  links: { a: string; b: string; reasons: MergeReason[] }[];
}

export interface Dataset {
  version: 1;
  sources: SourceRecord[];
  events: CanonicalEvent[];
  stories: Story[];
  conflicts: Conflict[];
  problems: Problem[];
}
