/**
 * Conflicts: findings like lint messages, only where values truly disagree.
 *
 * Findings flag where OUTLETS disagree. Values that differ only inside one article
 * are not reported (the article states or explains both itself): a contradiction,
 * different-time-reference or scheduled-vs-actual needs at least two value sides
 * that each have a source of their own (see `outletsDisagree`); a planned value from
 * an article that also states the actual value is left out. The one single-source
 * finding is outdated-report, a live blog replacing its own running value.
 *
 * Kinds (per event and attribute):
 * - contradiction: actual values that cannot both be true (disjoint intervals,
 *   different instants or dates, two different cities) from different outlets and
 *   different copy groups. Location: two place names of the same level only (see
 *   values.ts placeRelation: a country and its city never contradict), and only
 *   between independent origins.
 * - different-time-reference: instants that differ only by a time-zone reading (the
 *   same wall-clock time in different zones, or a whole-hour gap where a side's zone
 *   was only implied by the article).
 * - outdated-report: a live blog's later post replaced a running value of an earlier
 *   one: disjoint values, or a rising lower bound ("at least 20 killed" at 09:10 →
 *   "at least 35 killed" at 14:05). Post order is read from "HH:MM" post prefixes (see
 *   posts.ts); the canonical value is the latest. An earlier running value that fits
 *   the latest one ("more than two hours now" → "more than two hours") is no finding.
 *   An ordinary article with two figures and no post order gets no finding.
 * - scheduled-vs-actual: a planned value from one outlet that the actual value from
 *   another does not fit ("scheduled for 1300 GMT" vs "started at 10:00 a.m. ET").
 * - imprecision: decided NOT to be reported. A vaguer value that contains a precise
 *   one ("this afternoon" vs 14:00Z, "2025" vs 2025-03-18, "at least 12" vs 15)
 *   agrees with it; the canonical value simply takes the precise one.
 * Copies never conflict with each other (see origins.ts).
 *
 * Severity rule:
 *   high   contradiction on date, start_time, end_time, count.* or amount.* between
 *          independent origins
 *   medium any other contradiction (other attributes — location at most medium — or
 *          both sides share an origin such as "the Kremlin said" in two outlets);
 *          different-time-reference
 *   low    scheduled-vs-actual, outdated-report
 *
 * Post-processing is a fixed chain: de-duplicate → rank (severity, then number of
 * origins) → sort (rank, event, attribute, kind) → ids.
 */
import type { Article, ClaimValue, Conflict, ConflictKind, ConflictValue, Evidence, QuantityValue } from '../types.ts';
import type { AttributeAnalysis, ValueGroup } from './merge.ts';
import { groupOrigins, groupSources } from './merge.ts';
import type { Origins } from './origins.ts';
import type { RunningUpdate } from './posts.ts';
import { conflictId } from './ids.ts';
import {
  clockOf,
  displayValue,
  instantMs,
  isQuantity,
  isTimeValue,
  valueKey,
  valuesCompatible,
  wallClock,
} from './values.ts';

type Severity = Conflict['severity'];

/** A conflict before ids, with the origins it rests on (for ranking). */
export interface Finding {
  event: string;
  attribute: string;
  kind: ConflictKind;
  severity: Severity;
  message: string;
  values: ConflictValue[];
  origins: number;
}

const KEY_ATTRIBUTES = /^(date|start_time|end_time|count\..+|amount\..+)$/;

/** Slack when checking a duration against start/end times ("at about 12:35"). */
const DERIVED_DURATION_SLACK_MIN = 5;

export function findConflicts(
  eventId: string,
  analysis: AttributeAnalysis,
  origins: Origins,
  articles: ReadonlyMap<string, Article>,
): Finding[] {
  if (analysis.attribute === 'participants') return []; // participant lists are unioned, never contradictory
  const findings: Finding[] = [];
  const actual = analysis.rankedActual;

  if (actual.length >= 2) {
    const finding = disagreement(eventId, analysis.attribute, actual, origins, articles);
    if (finding) findings.push(finding);
  }
  for (const update of analysis.updates) findings.push(outdated(eventId, update, origins, articles));

  const best = actual[0];
  if (best) {
    // An article that states both the plan and the actual value ("instead of the planned
    // 30-45 minutes, … lasted 2 hours and 15 minutes") explains the difference itself.
    const statesActual = new Set(analysis.actual.groups.flatMap((g) => g.claims.map((c) => c.source)));
    const missed = analysis.rankedPlanned
      .map((g) => ({ value: g.value, claims: g.claims.filter((c) => !statesActual.has(c.source)) }))
      .filter((g) => g.claims.length > 0 && !valuesCompatible(g.value, best.value));
    if (missed.length > 0) {
      const sides = [...missed.map((g) => ({ group: g, label: 'planned' })), { group: best, label: 'actual' }];
      findings.push(
        finding(eventId, analysis.attribute, 'scheduled-vs-actual', 'low', sides, origins, articles),
      );
    }
  }
  return findings;
}

/**
 * The outlets behind a set of value groups disagree: at least two groups have a source
 * of their own (one that states no other group's value). Values that differ only
 * inside one article — TASS's planned and actual length, Wikipedia's "Ukraine" in one
 * sentence and "Kyiv" in another, an outlet's old figure next to the figure everyone
 * gives — are that article's business, not a discrepancy between outlets.
 */
export function outletsDisagree(groups: readonly ValueGroup[]): boolean {
  // A source is a group's own when no other group names it: counted once per source, not
  // by looking it up in every other group (quadratic in the values of an event many report).
  const sourceSets = groups.map((g) => new Set(groupSources(g)));
  const groupsNaming = countMembers(sourceSets);
  let withOwnSource = 0;
  for (const own of sourceSets) {
    for (const s of own) {
      if (groupsNaming.get(s) === 1) {
        withOwnSource++;
        break;
      }
    }
  }
  return withOwnSource >= 2;
}

/** How many of the sets hold each member. */
function countMembers(sets: readonly ReadonlySet<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const set of sets) for (const x of set) counts.set(x, (counts.get(x) ?? 0) + 1);
  return counts;
}

function disagreement(
  eventId: string,
  attribute: string,
  groups: readonly ValueGroup[],
  origins: Origins,
  articles: ReadonlyMap<string, Article>,
): Finding | null {
  const claims = groups.flatMap((g) => g.claims);
  const copyGroups = new Set(claims.map((c) => origins.copyOf.get(c.id) ?? c.id));
  if (copyGroups.size <= 1) return null; // two copies of one text disagreeing is an edit, not a conflict
  if (!outletsDisagree(groups)) return null;

  const sides = groups.map((group) => ({ group, label: '' }));
  if (differOnlyByZone(groups)) {
    return finding(eventId, attribute, 'different-time-reference', 'medium', sides, origins, articles);
  }
  // An origin behind two of the groups (each group's origins are distinct: a count above one is two groups).
  const originSets = groups.map((g) => new Set(groupOrigins(g, origins)));
  const shared = [...countMembers(originSets).values()].some((n) => n > 1);
  // Without a place hierarchy two place names are weak evidence: medium at most, and
  // only when independent origins back each side.
  if (attribute === 'location' && shared) return null;
  const severity: Severity = !shared && KEY_ATTRIBUTES.test(attribute) ? 'high' : 'medium';
  return finding(eventId, attribute, 'contradiction', severity, sides, origins, articles);
}

/**
 * Instants that disagree only because of a zone: the text's own wall-clock times are
 * equal (10:00 read as ET by one outlet and as GMT by another), or the gap is whole
 * hours and some side's zone was only implied by the article.
 */
function differOnlyByZone(groups: readonly ValueGroup[]): boolean {
  const times = groups.flatMap((g) => g.claims.map((c) => c.value)).filter(isTimeValue);
  if (times.length !== groups.reduce((n, g) => n + g.claims.length, 0)) return false;
  if (times.some((t) => !t.utc)) return false;
  const walls = new Set(times.map(wallClock));
  if (walls.size === 1 && !walls.has(null)) return true;
  const instants = [...new Set(times.map((t) => instantMs(t.utc!)))];
  const wholeHours = instants.every((ms) => (ms - instants[0]!) % 3_600_000 === 0 && Math.abs(ms - instants[0]!) <= 14 * 3_600_000);
  return wholeHours && times.some((t) => !t.known.zone);
}

/** A live blog replaced its own running value ("at least 20 killed" at 09:10 → "at least 35" at 14:05). */
function outdated(
  eventId: string,
  update: RunningUpdate,
  origins: Origins,
  articles: ReadonlyMap<string, Article>,
): Finding {
  const sides = [
    ...update.earlier.map((claims) => ({ group: { value: claims[0]!.value, claims }, label: 'earlier' })),
    { group: { value: update.latest[0]!.value, claims: update.latest }, label: 'latest' },
  ];
  return finding(eventId, update.attribute, 'outdated-report', 'low', sides, origins, articles);
}

/**
 * A duration that start and end times contradict ("lasted 30 minutes" but 10:00–12:35).
 * Returns null when consistent or when any of the three is missing.
 */
export function durationVsTimes(
  eventId: string,
  byAttribute: ReadonlyMap<string, AttributeAnalysis>,
  origins: Origins,
  articles: ReadonlyMap<string, Article>,
): Finding | null {
  const duration = byAttribute.get('duration')?.rankedActual[0];
  const start = byAttribute.get('start_time')?.rankedActual[0];
  const end = byAttribute.get('end_time')?.rankedActual[0];
  if (!duration || !start || !end || !isQuantity(duration.value)) return null;
  if (!isTimeValue(start.value) || !isTimeValue(end.value) || !start.value.utc || !end.value.utc) return null;
  const minutes = (instantMs(end.value.utc) - instantMs(start.value.utc)) / 60_000;
  if (minutes <= 0) return null;
  const derived: QuantityValue = {
    min: minutes - DERIVED_DURATION_SLACK_MIN,
    max: minutes + DERIVED_DURATION_SLACK_MIN,
    unit: 'minute',
    qualifier: 'range',
  };
  if (valuesCompatible(duration.value, derived)) return null;
  const timesClaims = [...start.claims, ...end.claims];
  if (!outletsDisagree([duration, { value: derived, claims: timesClaims }])) return null;
  const timesGroup: ValueGroup = {
    value: { min: minutes, max: minutes, unit: 'minute', qualifier: 'exact' },
    claims: timesClaims,
  };
  const sides = [
    { group: duration, label: 'stated' },
    { group: timesGroup, label: `from ${clockOf(start.value.utc)}–${clockOf(end.value.utc)}` },
  ];
  const f = finding(eventId, 'duration', 'contradiction', 'medium', sides, origins, articles);
  f.values[1]!.text = `${start.claims[0]!.text} – ${end.claims[0]!.text}`;
  return f;
}

function finding(
  event: string,
  attribute: string,
  kind: ConflictKind,
  severity: Severity,
  sides: readonly { group: ValueGroup; label: string }[],
  origins: Origins,
  articles: ReadonlyMap<string, Article>,
): Finding {
  const values = sides.map(({ group }) => conflictValue(group));
  const originIds = new Set(sides.flatMap(({ group }) => groupOrigins(group, origins)));
  const parts = sides.map(({ group, label }) => {
    const ids = groupOrigins(group, origins);
    const who = ids.map((o) => origins.labelOf.get(o) ?? o).sort();
    const outlets = groupSources(group).map((s) => articles.get(s)?.meta.outlet ?? s);
    return `${label ? `${label} ` : ''}${displayValue(group.value)} (${[...new Set(outlets)].join(', ')}; ${ids.length} origin${ids.length === 1 ? '' : 's'}: ${[...new Set(who)].join(', ')})`;
  });
  return {
    event,
    attribute,
    kind,
    severity,
    message: `${attribute}: ${kind}: ${parts.join(' vs ')}`,
    values,
    origins: originIds.size,
  };
}

function conflictValue(group: ValueGroup): ConflictValue {
  const representative =
    group.claims.find((c) => valueKey(c.value) === valueKey(group.value)) ??
    [...group.claims].sort((a, b) => a.id.localeCompare(b.id))[0]!;
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const claim of [...group.claims].sort(
    (a, b) => a.source.localeCompare(b.source) || a.evidence.start - b.evidence.start || a.id.localeCompare(b.id),
  )) {
    const key = `${claim.evidence.source}:${claim.evidence.start}:${claim.evidence.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    evidence.push(claim.evidence);
  }
  // Copied at its size: grown by push, a list of one or two quotes kept room for ~16 (V8's growth), 4.6 MB at 100k synthetic articles.
  return { value: group.value as ClaimValue, text: representative.text, sources: groupSources(group), evidence: evidence.slice() };
}

// ─── Post-processing chain ──────────────────────────────────────────────────

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function postProcess(findings: readonly Finding[]): Conflict[] {
  // 1. De-duplicate: same event, attribute, kind and value set.
  const unique = new Map<string, Finding>();
  for (const f of findings) {
    const key = [f.event, f.attribute, f.kind, ...f.values.map((v) => valueKey(v.value)).sort()].join('\u0000');
    if (!unique.has(key)) unique.set(key, f);
  }
  // 2. Rank and 3. sort.
  const ranked = [...unique.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.origins - a.origins ||
      a.event.localeCompare(b.event) ||
      a.attribute.localeCompare(b.attribute) ||
      a.kind.localeCompare(b.kind) ||
      a.message.localeCompare(b.message),
  );
  // 4. Ids: event + attribute; a second finding on the same attribute adds its kind.
  const taken = new Set<string>();
  return ranked.map((f) => {
    const id = conflictId(f.event, f.attribute, f.kind, taken);
    taken.add(id);
    return {
      id,
      event: f.event,
      attribute: f.attribute,
      kind: f.kind,
      severity: f.severity,
      message: f.message,
      values: f.values,
      resolution: null,
    };
  });
}
