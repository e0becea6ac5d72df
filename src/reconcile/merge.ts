/**
 * Merge: one canonical record per cluster of event mentions.
 *
 * - type: the most frequent type among actual mentions (planned ones if none).
 * - date: the most specific date agreed by the most sources (a year-only mention
 *   supports a full date inside that year; a full date then wins over the bare year).
 * - participants: the union of canonical names, sorted; location: the best-supported place.
 *   The `participants` attribute is the union of every actual claim's names, with
 *   per-name provenance (`provenance`: name → sources). Participant sets never
 *   conflict: one outlet naming two people and another naming three is partial
 *   reporting, not disagreement. Clearly different people are kept apart earlier, by
 *   matching ("participants differ … −3"), so they become two events, not a conflict.
 * - live blogs: a running value a later post replaced (see posts.ts) is left out of the
 *   canonical value and reported as an outdated-report instead.
 * - attributes: claims grouped by attribute, then into groups of agreeing values
 *   (see `groupValues`). The canonical value is the intersection of the best-supported
 *   group of actual claims; planned values never stand in for actual ones, and an
 *   attribute known only from planned claims is kept with `modality: 'planned'`.
 */
import type {
  CanonicalAttribute,
  CanonicalEvent,
  Claim,
  ClaimValue,
  EventMention,
  EventType,
  Modality,
} from '../types.ts';
import type { Origins } from './origins.ts';
import { findSuperseded, type PostIndex, type RunningUpdate, type Supersession } from './posts.ts';

const NO_SUPERSESSION: Supersession = { superseded: new Set(), updates: [] };
import {
  dateLevel,
  dateOf,
  datesCompatible,
  fold,
  intersectValues,
  isTimeValue,
  specificity,
  valueKey,
  valuesCompatible,
} from './values.ts';

// ─── Value groups ───────────────────────────────────────────────────────────

export interface ValueGroup {
  /** What every claim in the group allows: the intersection of their values. */
  value: ClaimValue;
  claims: Claim[];
}

export interface GroupedValues {
  groups: ValueGroup[];
  /** Vague claims that agree with two or more groups ("at least 12" with 12 and 15). */
  neutral: Claim[];
}

/**
 * Groups claims whose values can all be true together. Most specific first: each
 * claim joins the one group whose running intersection it fits, starts a new group
 * when it fits none, and stays neutral when it fits several.
 */
export function groupValues(claims: readonly Claim[]): GroupedValues {
  const ordered = [...claims].sort(
    (a, b) => specificity(a.value) - specificity(b.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const groups: ValueGroup[] = [];
  const neutral: Claim[] = [];
  for (const claim of ordered) {
    const fits = groups.filter((g) => valuesCompatible(g.value, claim.value));
    if (fits.length === 0) groups.push({ value: claim.value, claims: [claim] });
    else if (fits.length === 1) {
      const group = fits[0]!;
      group.value = intersectValues(group.value, claim.value);
      group.claims.push(claim);
    } else neutral.push(claim);
  }
  return { groups, neutral };
}

export function groupOrigins(group: ValueGroup, origins: Origins): string[] {
  return [...new Set(group.claims.map((c) => origins.originOf.get(c.id) ?? c.id))].sort();
}

export function groupSources(group: ValueGroup): string[] {
  return [...new Set(group.claims.map((c) => c.source))].sort();
}

/** Best-supported first: more origins, more sources, more specific, then stable by claim id. */
export function rankGroups(groups: readonly ValueGroup[], origins: Origins): ValueGroup[] {
  // Keys computed once per group, not per comparison: a big event's count has hundreds of value groups.
  const keyed = groups.map((group) => ({
    group,
    origins: groupOrigins(group, origins).length,
    sources: groupSources(group).length,
    specificity: specificity(group.value),
    first: firstId(group),
  }));
  keyed.sort(
    (a, b) =>
      b.origins - a.origins || b.sources - a.sources || a.specificity - b.specificity || a.first.localeCompare(b.first),
  );
  return keyed.map((k) => k.group);
}

function firstId(group: ValueGroup): string {
  return group.claims.map((c) => c.id).sort()[0] ?? '';
}

// ─── Attribute analysis (shared with conflicts.ts) ──────────────────────────

export interface AttributeAnalysis {
  attribute: string;
  /** Live-blog updates of this attribute; their superseded claims are left out of `actual`. */
  updates: RunningUpdate[];
  actual: GroupedValues;
  planned: GroupedValues;
  /** Best-supported actual group first. */
  rankedActual: ValueGroup[];
  rankedPlanned: ValueGroup[];
}

export function isPlanned(modality: Modality): boolean {
  return modality === 'planned' || modality === 'hypothetical';
}

export function analyzeAttribute(
  attribute: string,
  claims: readonly Claim[],
  origins: Origins,
  supersession: Supersession = NO_SUPERSESSION,
): AttributeAnalysis {
  // Negated claims ("the call did not last an hour") say nothing about the value;
  // a live blog's superseded running values are history, not a current value.
  const actual = groupValues(claims.filter((c) => c.modality === 'actual' && !supersession.superseded.has(c.id)));
  const planned = groupValues(claims.filter((c) => isPlanned(c.modality)));
  return {
    attribute,
    updates: supersession.updates.filter((u) => u.attribute === attribute),
    actual,
    planned,
    rankedActual: rankGroups(actual.groups, origins),
    rankedPlanned: rankGroups(planned.groups, origins),
  };
}

/** The canonical attribute for an analysis; status is provisional until conflicts are known. */
export function canonicalAttribute(analysis: AttributeAnalysis, origins: Origins): CanonicalAttribute | null {
  const useActual = analysis.rankedActual.length > 0;
  const best = useActual ? analysis.rankedActual[0] : analysis.rankedPlanned[0];
  if (!best) return null;
  const pool = useActual ? analysis.actual : analysis.planned;
  const supporting = [
    ...best.claims,
    ...pool.neutral.filter((c) => valuesCompatible(c.value, best.value)),
  ];
  const isList = analysis.attribute === 'participants';
  const value = isList ? unionLists(supporting) : best.value;
  const representative =
    supporting.find((c) => valueKey(c.value) === valueKey(value)) ??
    [...supporting].sort((a, b) => specificity(a.value) - specificity(b.value) || a.id.localeCompare(b.id))[0]!;
  const sources = new Set(supporting.map((c) => c.source));
  const originCount = new Set(supporting.map((c) => origins.originOf.get(c.id) ?? c.id)).size;
  const attribute: CanonicalAttribute = {
    value,
    text: representative.text,
    status: sources.size >= 2 && originCount >= 2 ? 'agreed' : 'single-source',
    claims: supporting.map((c) => c.id).sort(),
  };
  if (isList) attribute.provenance = provenanceOf(supporting);
  if (!useActual) attribute.modality = 'planned';
  return attribute;
}

/** For a union of lists: each name → the sources (article ids) that name it, sorted. */
function provenanceOf(claims: readonly Claim[]): Record<string, string[]> {
  const byName = new Map<string, Set<string>>();
  for (const c of claims) {
    const names = Array.isArray(c.value) ? c.value : typeof c.value === 'string' ? [c.value] : [];
    for (const name of names) {
      let sources = byName.get(name);
      if (!sources) byName.set(name, (sources = new Set()));
      sources.add(c.source);
    }
  }
  return Object.fromEntries([...byName.keys()].sort().map((name) => [name, [...byName.get(name)!].sort()]));
}

function unionLists(claims: readonly Claim[]): string[] {
  const names = new Set<string>();
  for (const c of claims) {
    if (Array.isArray(c.value)) c.value.forEach((n) => names.add(n));
    else if (typeof c.value === 'string') names.add(c.value);
  }
  return [...names].sort();
}

// ─── Event-level fields ─────────────────────────────────────────────────────

/** A canonical event without its id (assigned later by ids.ts) and with provisional statuses. */
export type EventDraft = Omit<CanonicalEvent, 'id' | 'story'> & { analyses: AttributeAnalysis[] };

export function mergeCluster(
  mentions: readonly EventMention[],
  claims: readonly Claim[],
  reasons: CanonicalEvent['mergeReasons'],
  origins: Origins,
  posts: PostIndex = () => null,
): EventDraft {
  const actual = mentions.filter((m) => m.modality === 'actual');
  const basis = actual.length > 0 ? actual : mentions;
  const type = majorityType(basis);

  const dateClaims = claims.filter((c) => c.attribute === 'date' && c.modality === 'actual' && isTimeValue(c.value));
  const date = chooseDate([
    ...basis.flatMap((m) => {
      const d = dateOf(m.time);
      return d ? [{ date: d, source: m.source }] : [];
    }),
    ...dateClaims.flatMap((c) => {
      const d = isTimeValue(c.value) ? dateOf(c.value) : null;
      return d ? [{ date: d, source: c.source }] : [];
    }),
  ]);

  const participants = canonicalParticipants(mentions, claims);
  const byAttribute = new Map<string, Claim[]>();
  for (const claim of claims) {
    let list = byAttribute.get(claim.attribute);
    if (!list) byAttribute.set(claim.attribute, (list = []));
    list.push(claim);
  }
  const supersession = findSuperseded(claims, posts);
  const analyses = [...byAttribute.keys()]
    .sort()
    .map((a) => analyzeAttribute(a, byAttribute.get(a)!, origins, supersession));
  const attributes: Record<string, CanonicalAttribute> = {};
  for (const analysis of analyses) {
    const attribute = canonicalAttribute(analysis, origins);
    if (attribute) attributes[analysis.attribute] = attribute;
  }

  const locationValue = attributes.location?.value;
  const location =
    typeof locationValue === 'string' && !attributes.location?.modality ? locationValue : bestPlace(basis) ?? bestPlace(mentions);

  const sources = [...new Set([...mentions.map((m) => m.source), ...claims.map((c) => c.source)])].sort();
  return {
    type,
    title: titleFor(type, participants, location),
    date,
    participants,
    location,
    sources,
    attributes,
    mentions: mentions.map((m) => m.id).sort(),
    mergeReasons: reasons,
    analyses,
  };
}

function majorityType(mentions: readonly EventMention[]): EventType {
  const counts = new Map<EventType, number>();
  for (const m of mentions) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other';
}

/**
 * The most specific date agreed by the most sources. Each candidate date is
 * supported by every source that states a compatible date; ties go to the more
 * specific date, then the earlier one.
 */
export function chooseDate(candidates: readonly { date: string; source: string }[]): string | null {
  const dates = [...new Set(candidates.map((c) => c.date))];
  let best: { date: string; support: number } | null = null;
  for (const date of dates.sort()) {
    const support = new Set(candidates.filter((c) => datesCompatible(c.date, date)).map((c) => c.source)).size;
    if (
      !best ||
      support > best.support ||
      (support === best.support && dateLevel(date) > dateLevel(best.date))
    ) {
      best = { date, support };
    }
  }
  return best?.date ?? null;
}

function canonicalParticipants(mentions: readonly EventMention[], claims: readonly Claim[]): string[] {
  const byFolded = new Map<string, string>();
  const add = (name: string): void => {
    const key = fold(name);
    const known = byFolded.get(key);
    // Keep the longest spelling as the canonical one ("Donald Trump" over "Trump" is extraction's job; this only picks among equal keys).
    if (!known || name.length > known.length || (name.length === known.length && name < known)) byFolded.set(key, name);
  };
  for (const m of mentions) m.participants.forEach(add);
  for (const c of claims) {
    if (c.attribute !== 'participants' || c.modality === 'negated') continue;
    if (Array.isArray(c.value)) c.value.forEach(add);
  }
  return [...byFolded.values()].sort();
}

function bestPlace(mentions: readonly EventMention[]): string | null {
  const support = new Map<string, Set<string>>();
  const spelling = new Map<string, string>();
  for (const m of mentions) {
    if (!m.place) continue;
    const key = fold(m.place);
    if (!support.has(key)) support.set(key, new Set());
    support.get(key)!.add(m.source);
    const known = spelling.get(key);
    if (!known || m.place < known) spelling.set(key, m.place);
  }
  const best = [...support.entries()].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0];
  return best ? spelling.get(best[0])! : null;
}

const TYPE_TITLE: Record<EventType, string> = {
  phone_call: 'Phone call',
  meeting: 'Meeting',
  talks: 'Talks',
  summit: 'Summit',
  agreement: 'Agreement',
  statement: 'Statement',
  attack: 'Attack',
  death: 'Death',
  arrest: 'Arrest',
  election: 'Election',
  disaster: 'Disaster',
  ceasefire: 'Ceasefire',
  prisoner_exchange: 'Prisoner exchange',
  other: 'Event',
};

/** "Phone call between Donald Trump and Vladimir Putin", "Meeting between … in Helsinki". */
export function titleFor(type: EventType, participants: readonly string[], location: string | null): string {
  let title = TYPE_TITLE[type] ?? 'Event';
  if (participants.length >= 2) title += ` between ${listNames(participants)}`;
  else if (participants.length === 1) title += ` involving ${participants[0]}`;
  if (location) title += ` in ${location}`;
  return title;
}

function listNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
