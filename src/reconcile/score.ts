/**
 * Scores a canonical dataset against a hand-written gold file (fixtures/seed-gold.json).
 *
 * Events: a gold event matches a system event of the same type family, a compatible
 * date (one refines the other; an undated gold event matches an undated system
 * event) and overlapping participants (or none on either side). Matching is
 * one-to-one, best candidate first (exact type, exact date, more shared participants
 * and sources). Required gold events count as tp/fn; optional ones are real events
 * reported by a single article: matching one is not a false positive, missing it is
 * not a miss. A system event is a false positive only when it is in the gold's scope
 * (two or more sources) and matches no gold event.
 *
 * Conflicts: a gold conflict matches a system conflict on the matched event with the
 * same attribute and kind. Every unmatched system conflict is a false positive.
 *
 * Traps: mustNotMerge pairs are violated when one system event contains both
 * descriptors (a mention starting inside each descriptor's anchor span, or, without
 * anchors, a canonical record or merge reason naming the descriptor's date);
 * mustNotFlag entries are violated by a system conflict of a forbidden kind on that
 * event and attribute.
 */
import type { ConflictKind, EventType } from '../types.ts';
import { fold, sameKindAndDate, typeFamily } from './values.ts';

// ─── Gold file shape ────────────────────────────────────────────────────────

export interface GoldAnchor {
  source: string;
  start: number;
  end: number;
  quote: string;
}

export interface GoldDescriptor {
  descr: string;
  type?: EventType;
  date?: string | null;
  participants?: string[];
  anchor?: GoldAnchor;
}

export interface GoldEvent {
  key: string;
  type: EventType;
  date: string | null;
  participants: string[];
  location?: string | null;
  sources: string[];
  attributes?: Record<string, unknown>;
  optional?: boolean;
  note?: string;
}

export interface GoldConflict {
  event: string;
  attribute: string;
  kind: ConflictKind;
  severity?: 'high' | 'medium' | 'low';
  values?: unknown[];
  optional?: boolean;
  note?: string;
}

export interface GoldFile {
  events: GoldEvent[];
  conflicts: GoldConflict[];
  traps: {
    mustNotMerge: [GoldDescriptor, GoldDescriptor][];
    mustNotFlag: { event: string; attribute: string; kinds: ConflictKind[]; note?: string }[];
  };
}

// ─── Dataset-like input (only the fields scoring reads) ────────────────────

export interface ScoredEvent {
  id: string;
  type: EventType;
  date: string | null;
  participants: string[];
  sources: string[];
  mentions?: string[];
  mergeReasons?: { reasons: { label: string }[] }[];
}

export interface ScoredConflict {
  id: string;
  event: string;
  attribute: string;
  kind: ConflictKind;
}

export interface DatasetLike {
  events: readonly ScoredEvent[];
  conflicts: readonly ScoredConflict[];
  sources?: readonly { id: string; path: string }[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface ScoreReport {
  events: Counts & { matched: Record<string, string>; missed: string[]; spurious: string[] };
  conflicts: Counts & { missed: string[]; spurious: string[] };
  trapsViolated: string[];
}

// ─── Scoring ────────────────────────────────────────────────────────────────

export function scoreAgainstGold(dataset: DatasetLike, gold: GoldFile): ScoreReport {
  const sourceOf = sourceMapper(dataset.sources ?? []);
  const events = dataset.events.map((e) => ({ ...e, sources: e.sources.map(sourceOf) }));

  // Events: required first, so an optional event never steals a required one's match.
  const matched = new Map<string, ScoredEvent>();
  const taken = new Set<string>();
  for (const pass of [false, true]) {
    const candidates: { key: string; event: ScoredEvent; score: number }[] = [];
    for (const g of gold.events.filter((x) => Boolean(x.optional) === pass)) {
      for (const e of events) {
        const score = eventMatchScore(g, e);
        if (score > 0) candidates.push({ key: g.key, event: e, score });
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key) || a.event.id.localeCompare(b.event.id));
    for (const c of candidates) {
      if (matched.has(c.key) || taken.has(c.event.id)) continue;
      matched.set(c.key, c.event);
      taken.add(c.event.id);
    }
  }
  const required = gold.events.filter((g) => !g.optional);
  const tp = required.filter((g) => matched.has(g.key)).length;
  const missed = required.filter((g) => !matched.has(g.key)).map((g) => g.key);
  const spurious = events.filter((e) => e.sources.length >= 2 && !taken.has(e.id)).map((e) => e.id);

  // Conflicts.
  const systemEventOf = (key: string): string | undefined => matched.get(key)?.id;
  const usedConflicts = new Set<string>();
  const missedConflicts: string[] = [];
  let conflictTp = 0;
  for (const g of [...gold.conflicts].sort((a, b) => Number(Boolean(a.optional)) - Number(Boolean(b.optional)))) {
    const eventId = systemEventOf(g.event);
    const hit = dataset.conflicts.find(
      (c) => !usedConflicts.has(c.id) && c.event === eventId && c.attribute === g.attribute && c.kind === g.kind,
    );
    const label = `${g.event} ${g.attribute} ${g.kind}`;
    if (hit) {
      usedConflicts.add(hit.id);
      if (!g.optional) conflictTp++;
    } else if (!g.optional) missedConflicts.push(label);
  }
  const spuriousConflicts = dataset.conflicts
    .filter((c) => !usedConflicts.has(c.id))
    .map((c) => `${c.id} ${c.event} ${c.attribute} ${c.kind}`);

  // Traps.
  const trapsViolated: string[] = [];
  for (const [a, b] of gold.traps.mustNotMerge) {
    const culprit = events.find((e) => containsDescriptor(e, a, sourceOf) && containsDescriptor(e, b, sourceOf));
    if (culprit) trapsViolated.push(`merged: ${a.descr} + ${b.descr} (${culprit.id})`);
  }
  for (const rule of gold.traps.mustNotFlag) {
    const eventId = systemEventOf(rule.event);
    if (!eventId) continue;
    for (const c of dataset.conflicts) {
      if (c.event === eventId && c.attribute === rule.attribute && rule.kinds.includes(c.kind)) {
        trapsViolated.push(`flagged: ${rule.event} ${rule.attribute} as ${c.kind} (${c.id})`);
      }
    }
  }

  return {
    events: {
      ...counts(tp, spurious.length, missed.length),
      matched: Object.fromEntries([...matched.entries()].sort((x, y) => x[0].localeCompare(y[0])).map(([k, e]) => [k, e.id])),
      missed,
      spurious,
    },
    conflicts: { ...counts(conflictTp, spuriousConflicts.length, missedConflicts.length), missed: missedConflicts, spurious: spuriousConflicts },
    trapsViolated,
  };
}

function counts(tp: number, fp: number, fn: number): Counts {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : round(tp / (tp + fp)),
    recall: tp + fn === 0 ? 1 : round(tp / (tp + fn)),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** > 0 when the system event can be the gold event; higher is a better match. */
export function eventMatchScore(g: GoldEvent, e: ScoredEvent): number {
  if (!sameKindAndDate(g, e)) return 0;
  const gp = new Set(g.participants.map(fold));
  const shared = e.participants.filter((p) => gp.has(fold(p))).length;
  if (gp.size > 0 && e.participants.length > 0 && shared === 0) return 0;
  const sharedSources = e.sources.filter((s) => g.sources.includes(s)).length;
  if (g.date === null && sharedSources === 0) return 0; // undated: only by provenance
  return 1 + (g.type === e.type ? 1 : 0) + (g.date === e.date ? 2 : 0) + shared + sharedSources * 0.5;
}

function containsDescriptor(e: ScoredEvent, d: GoldDescriptor, sourceOf: (id: string) => string): boolean {
  if (d.anchor) {
    const { source, start, end } = d.anchor;
    return (e.mentions ?? []).some((id) => {
      const m = /^(.*):[me](\d+)$/.exec(id);
      if (!m) return false;
      const offset = Number(m[2]);
      return sourceOf(m[1]!) === source && offset >= start && offset < end;
    });
  }
  if (!d.date) return false;
  if (d.type && typeFamily(d.type) !== typeFamily(e.type)) return false;
  if (e.date === d.date) return true;
  return (e.mergeReasons ?? []).some((r) => r.reasons.some((x) => x.label.includes(d.date!)));
}

/** System source id → the gold's id (the file stem), via the dataset's source paths. */
function sourceMapper(sources: readonly { id: string; path: string }[]): (id: string) => string {
  const byId = new Map(sources.map((s) => [s.id, stem(s.path)]));
  return (id) => byId.get(id) ?? id;
}

function stem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
