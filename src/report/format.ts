/**
 * Shared, format-neutral helpers for the reporters (Markdown, HTML, CSV, terminal):
 * how a value reads, how conflicts rank, where a quote sits in its sentence.
 * Everything here returns plain strings; escaping is the caller's job.
 */
import type {
  Article,
  CanonicalEvent,
  Claim,
  ClaimValue,
  Conflict,
  Dataset,
  Evidence,
  MergeReason,
  Problem,
  QuantityValue,
  SourceRecord,
  Story,
  TimeValue,
} from '../types.ts';
import { splitSentences } from '../segment/sentences.ts';
import { isTimeValue } from '../reconcile/values.ts';

export { isTimeValue };

/** What every reporter takes: the dataset plus the raw texts, to show quotes in context. */
export interface ReportInput {
  dataset: Dataset;
  claims: readonly Claim[];
  articles: readonly Pick<Article, 'id' | 'path' | 'text'>[];
}

// ─── Values ────────────────────────────────────────────────────────────────

export function isInterval(value: unknown): value is QuantityValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'unit' in value && 'min' in value;
}

function unitPlural(unit: string, n: number | null): string {
  if (!unit) return '';
  return n === 1 || unit.endsWith('s') ? unit : `${unit}s`;
}

function formatInterval(q: QuantityValue): string {
  const what = q.what ? ` ${q.what}` : '';
  const unit = q.unit === 'count' || q.unit === '' ? '' : ` ${unitPlural(q.unit, q.max ?? q.min)}`;
  const { min, max } = q;
  let body: string;
  if (min !== null && max !== null && min === max) body = `${q.qualifier === 'about' ? '≈ ' : ''}${min}`;
  else if (min !== null && max !== null) body = `${min}–${max}`;
  else if (min !== null) body = `${q.qualifier === 'at-least' ? '≥' : '>'} ${min}`;
  else if (max !== null) body = `${q.qualifier === 'at-most' ? '≤' : '<'} ${max}`;
  else body = '?';
  return `${body}${unit}${what}`;
}

/** A value as a reviewer reads it: instants in UTC, intervals with their bounds. */
export function formatValue(value: ClaimValue | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  if (isTimeValue(value)) return value.utc ?? value.timex;
  if (isInterval(value)) return formatInterval(value);
  return JSON.stringify(value);
}

/**
 * The value a reviewer pastes into decisions.json: times as their ISO instant (or
 * TIMEX when there is no instant), everything else as the dataset holds it.
 */
export function decisionValue(value: ClaimValue): unknown {
  if (isTimeValue(value)) return value.utc ?? value.timex;
  if (isInterval(value)) {
    const { min, max, unit } = value;
    return { min, max, unit };
  }
  return value;
}

/** The one-line decision a reviewer copies into decisions.json for a conflict. */
export function decisionSnippet(conflict: Conflict): string {
  const first = conflict.values[0];
  const value = first ? decisionValue(first.value) : null;
  return `{"conflict": ${JSON.stringify(conflict.id)}, "value": ${JSON.stringify(value)}, "note": "", "by": ""}`;
}

// ─── Ranking and counting ──────────────────────────────────────────────────

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Conflicts worst first; ties by event date, event title, attribute, id (stable across runs). */
export function rankConflicts(dataset: Dataset): Conflict[] {
  const events = eventIndex(dataset);
  return [...dataset.conflicts].sort((a, b) => {
    const ea = events.get(a.event);
    const eb = events.get(b.event);
    return (
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compareText(ea?.date ?? '', eb?.date ?? '') ||
      compareText(ea?.title ?? a.event, eb?.title ?? b.event) ||
      compareText(a.attribute, b.attribute) ||
      compareText(a.id, b.id)
    );
  });
}

/** Code-point order: locale-independent, so outputs do not depend on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => compareText(a, b)));
}

export function eventIndex(dataset: Dataset): Map<string, CanonicalEvent> {
  return new Map(dataset.events.map((e) => [e.id, e]));
}

export function sourceIndex(dataset: Dataset): Map<string, SourceRecord> {
  return new Map(dataset.sources.map((s) => [s.id, s]));
}

/** Conflict ids per event id, each list sorted. */
export function conflictsByEvent(dataset: Dataset): Map<string, string[]> {
  const byEvent = new Map<string, string[]>();
  for (const c of dataset.conflicts) {
    const ids = byEvent.get(c.event);
    if (ids) ids.push(c.id);
    else byEvent.set(c.event, [c.id]);
  }
  for (const ids of byEvent.values()) ids.sort(compareText);
  return byEvent;
}

// ─── Places ────────────────────────────────────────────────────────────────

/** `path:line` for a quote, from the source record (falls back to the article, then the id). */
export function evidencePlace(
  evidence: Evidence,
  sources: ReadonlyMap<string, SourceRecord>,
  articles?: ReadonlyMap<string, Pick<Article, 'id' | 'path' | 'text'>>,
): string {
  const path = sources.get(evidence.source)?.path ?? articles?.get(evidence.source)?.path ?? evidence.source;
  return `${path}:${evidence.line}`;
}

export function outletOf(sourceId: string, sources: ReadonlyMap<string, SourceRecord>): string {
  return sources.get(sourceId)?.outlet ?? sourceId;
}

/** Outlet names behind a list of source ids, de-duplicated, in first-seen order. */
export function outletsOf(sourceIds: readonly string[], sources: ReadonlyMap<string, SourceRecord>): string[] {
  return [...new Set(sourceIds.map((id) => outletOf(id, sources)))];
}

export function problemPlace(problem: Problem): string {
  return problem.line == null ? problem.path : `${problem.path}:${problem.line}`;
}

// ─── Merge reasons ─────────────────────────────────────────────────────────

function formatNumber(n: number): string {
  return String(Number(n.toFixed(2)));
}

function formatWeight(weight: number): string {
  return weight >= 0 ? `+${formatNumber(weight)}` : `−${formatNumber(-weight)}`;
}

export function formatReasons(reasons: readonly MergeReason[]): string {
  return reasons.map((r) => `${r.label} ${formatWeight(r.weight)}`).join(', ');
}

/** "A", "B", … "Z", "A1": how the reports name a conflict's options. */
export function optionLabel(index: number): string {
  return String.fromCharCode(65 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : '');
}

/** "1 source", "3 sources". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

type MergeLink = CanonicalEvent['mergeReasons'][number];

/** The article id of an event mention id (`<source>:e<offset>`). */
export function mentionSource(mentionId: string): string {
  const colon = mentionId.lastIndexOf(':');
  return colon === -1 ? mentionId : mentionId.slice(0, colon);
}

/**
 * "TASS ⟷ Reuters (a ⟷ b) score 7.5: same date +4, participants 2/2 +3". With the
 * sources, each side is named by its outlet so a reviewer sees which outlets were joined.
 */
export function formatMergeReason(link: MergeLink, sources?: ReadonlyMap<string, SourceRecord>): string {
  const reasons = formatReasons(link.reasons);
  const sides = sources
    ? `${outletOf(mentionSource(link.a), sources)} ⟷ ${outletOf(mentionSource(link.b), sources)} (${link.a} ⟷ ${link.b})`
    : `${link.a} ⟷ ${link.b}`;
  return `${sides} score ${formatNumber(link.score)}${reasons ? `: ${reasons}` : ''}`;
}

/** "RT ⟷ TASS (a ⟷ b): follow-up: …": why two events are one story (Story.links). */
export function formatStoryLink(link: Story['links'][number], sources: ReadonlyMap<string, SourceRecord>): string {
  const sides = `${outletOf(mentionSource(link.a), sources)} ⟷ ${outletOf(mentionSource(link.b), sources)} (${link.a} ⟷ ${link.b})`;
  return `${sides}: ${link.reasons.map((r) => r.label).join(', ')}`;
}

/** A story's heading: the title of its most reported event (the first such, earliest first), or its id. */
export function storyTitle(story: Story, events: ReadonlyMap<string, CanonicalEvent>): string {
  let best: CanonicalEvent | undefined;
  for (const id of story.events) {
    const e = events.get(id);
    if (e && (!best || e.sources.length > best.sources.length)) best = e;
  }
  return best?.title ?? story.id;
}

/** " (5 stories of several)" after an event count, or "" when no story holds several events (the summaries). */
export function storiesNote(stories: readonly Story[]): string {
  return stories.length > 0 ? ` (${plural(stories.length, 'story', 'stories')} of several)` : '';
}

/** What the reports' story section says it lists. */
export const STORIES_INTRO =
  'Events with different dates that follow up one another (a verdict and the sentencing): one story, separate events, each with its own date and conflicts.';

/** How many stories of several events the reports list (the rest are in events.json). */
export const STORIES_LISTED = 200;

/** How many merge links a report shows per event; `explain` shows them all. */
export const MERGE_REASONS_SHOWN = 6;

/**
 * The links worth a reviewer's time: links between different sources first (they are
 * what joins outlets into one event), strongest first, one per pair of sources.
 */
export function keyMergeReasons(event: CanonicalEvent, limit = MERGE_REASONS_SHOWN): { shown: MergeLink[]; hidden: number } {
  const pairKey = (link: MergeLink) => [mentionSource(link.a), mentionSource(link.b)].sort(compareText).join('\u0000');
  const ranked = [...event.mergeReasons].sort((x, y) => {
    const crossX = mentionSource(x.a) !== mentionSource(x.b) ? 0 : 1;
    const crossY = mentionSource(y.a) !== mentionSource(y.b) ? 0 : 1;
    return crossX - crossY || y.score - x.score || compareText(x.a, y.a) || compareText(x.b, y.b);
  });
  const seen = new Set<string>();
  const shown: MergeLink[] = [];
  for (const link of ranked) {
    if (shown.length >= limit) break;
    const key = pairKey(link);
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push(link);
  }
  return { shown, hidden: event.mergeReasons.length - shown.length };
}

/** Events split for the report: those several sources report, and the rest. */
/**
 * How many events without conflicts a report lists per section: on a big dump they are
 * hundreds of thousands, which no reviewer reads and no browser renders well; the rest
 * are in events.csv (and events.json), with a line saying how many.
 */
export const QUIET_EVENTS_LISTED = 1000;

/** The first QUIET_EVENTS_LISTED events (the dataset's order: date, type, id) and how many are left out. */
export function listedQuietEvents(events: readonly CanonicalEvent[]): { shown: CanonicalEvent[]; more: number } {
  return { shown: events.slice(0, QUIET_EVENTS_LISTED), more: Math.max(0, events.length - QUIET_EVENTS_LISTED) };
}

export function partitionQuietEvents(dataset: Dataset): { shared: CanonicalEvent[]; single: CanonicalEvent[] } {
  const withConflicts = new Set(dataset.conflicts.map((c) => c.event));
  const quiet = dataset.events.filter((e) => !withConflicts.has(e.id));
  return { shared: quiet.filter((e) => e.sources.length > 1), single: quiet.filter((e) => e.sources.length <= 1) };
}

// ─── Quotes in their sentence ──────────────────────────────────────────────

/** A quote with the rest of its sentence on either side (empty when the text is unknown). */
export interface QuoteInContext {
  before: string;
  quote: string;
  after: string;
  /** The sentence was cut at the ±window limit rather than at a boundary. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

const CONTEXT_WINDOW = 400;

/**
 * Expand a quote to its sentence, with the pipeline's own sentence splitter (the one
 * segmentation uses, so "10 a.m. ET" or "U.S. officials" never cut a sentence) run
 * over the quote's line, looking at most ±400 characters either side. If the stored
 * quote no longer matches the text, only the quote is shown.
 */
export function quoteInContext(evidence: Evidence, text: string | undefined): QuoteInContext {
  const bare = { before: '', quote: evidence.quote, after: '', clippedStart: false, clippedEnd: false };
  if (text === undefined || text.slice(evidence.start, evidence.end) !== evidence.quote) return bare;

  const lowest = Math.max(0, evidence.start - CONTEXT_WINDOW);
  const highest = Math.min(text.length, evidence.end + CONTEXT_WINDOW);
  const lineBreakBefore = text.lastIndexOf('\n', evidence.start - 1);
  const lineBreakAfter = text.indexOf('\n', evidence.end);
  const lineStart = Math.max(lowest, lineBreakBefore + 1);
  const lineEnd = Math.min(highest, lineBreakAfter === -1 ? text.length : lineBreakAfter);

  const sentences = splitSentences(text, lineStart, lineEnd);
  const first = sentences.find((s) => s.end > evidence.start);
  const last = [...sentences].reverse().find((s) => s.start < evidence.end);
  let start = Math.min(first?.start ?? evidence.start, evidence.start);
  let end = Math.max(last?.end ?? evidence.end, evidence.end);
  // The window cut the line: the sentence may go on beyond what is shown.
  const clippedStart = start === lineStart && lineStart === lowest && lowest > 0 && lineBreakBefore + 1 < lowest;
  const clippedEnd = end === lineEnd && lineEnd === highest && highest < (lineBreakAfter === -1 ? text.length : lineBreakAfter);
  while (start < evidence.start && /\s/.test(text[start]!)) start++;
  while (end > evidence.end && /\s/.test(text[end - 1]!)) end--;

  return {
    before: text.slice(start, evidence.start),
    quote: evidence.quote,
    after: text.slice(evidence.end, end),
    clippedStart,
    clippedEnd,
  };
}

/** The indexes every reporter looks things up in. */
export interface ReportLookups {
  sources: ReturnType<typeof sourceIndex>;
  events: ReturnType<typeof eventIndex>;
  articles: ReturnType<typeof articleIndex>;
}

export function reportLookups(input: ReportInput): ReportLookups {
  return { sources: sourceIndex(input.dataset), events: eventIndex(input.dataset), articles: articleIndex(input.articles) };
}

/** Article texts by id. */
export function articleIndex(
  articles: readonly Pick<Article, 'id' | 'path' | 'text'>[],
): Map<string, Pick<Article, 'id' | 'path' | 'text'>> {
  return new Map(articles.map((a) => [a.id, a]));
}

/** Attribute statuses of an event as "date: agreed, duration: single-source". */
export function attributeStatuses(event: CanonicalEvent): string {
  return Object.keys(event.attributes)
    .sort(compareText)
    .map((name) => `${name}: ${event.attributes[name]!.status}`)
    .join(', ');
}

// ─── Markdown lines ─────────────────────────────────────────────────────────

/**
 * The chunks of `groups.flat().join('\n')` with its trailing newlines trimmed to one,
 * one chunk per group. Newlines are held back until text follows them, so a blank tail
 * (in whichever groups it falls) is never written.
 */
export function* joinedLines(groups: Iterable<readonly string[]>): Generator<string> {
  let first = true;
  let pendingNewlines = 0;
  for (const group of groups) {
    let chunk = '';
    for (const line of group) {
      if (!first) pendingNewlines++;
      first = false;
      const core = line.replace(/\n+$/, '');
      if (core !== '') {
        chunk += '\n'.repeat(pendingNewlines) + core;
        pendingNewlines = 0;
      }
      pendingNewlines += line.length - core.length;
    }
    if (chunk !== '') yield chunk;
  }
  yield '\n';
}
