/**
 * Document-level event clustering scores: the pipeline's clusters, the TF-IDF
 * baseline with a tuned threshold, the trivial baselines, and an error breakdown.
 * Clusters never cross groups (ECB+ topics, GVC splits): every label is prefixed
 * with its group.
 */
import { bcubed, type BCubed } from '../../src/eval/bcubed.ts';
import { clusterBySimilarity } from '../../src/eval/tfidf.ts';
import { groupBy } from './corpus.ts';

/** A document with its gold class and the group it is clustered within. */
export interface GoldDoc {
  id: string;
  group: string;
  gold: string;
  text: string;
}

/** The system's verdict: the id of the article's primary event, or null (a singleton). */
export type SystemAssignment = ReadonlyMap<string, string | null>;

/** Cluster label per document: `group:event`, or `group:single:id` when there is no event. */
export function systemLabels(docs: readonly GoldDoc[], assignment: SystemAssignment): Map<string, string> {
  return new Map(docs.map((d) => {
    const event = assignment.get(d.id) ?? null;
    return [d.id, event === null ? `${d.group}:single:${d.id}` : `${d.group}:${event}`];
  }));
}

export function scoreLabels(docs: readonly GoldDoc[], labels: ReadonlyMap<string, string>): BCubed {
  return bcubed(docs.map((d) => ({ system: labels.get(d.id) ?? `${d.group}:single:${d.id}`, gold: d.gold })));
}

export function allInOneLabels(docs: readonly GoldDoc[]): Map<string, string> {
  return new Map(docs.map((d) => [d.id, `${d.group}:all`]));
}

export function singletonLabels(docs: readonly GoldDoc[]): Map<string, string> {
  return new Map(docs.map((d) => [d.id, `${d.group}:single:${d.id}`]));
}

/** TF-IDF cosine single-link clusters within each group (vectors are fitted per group). */
export function tfidfLabels(docs: readonly GoldDoc[], threshold: number): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [group, members] of groupBy(docs, (d) => d.group)) {
    const clusters = clusterBySimilarity(members.map((d) => d.text), threshold);
    members.forEach((d, i) => labels.set(d.id, `${group}:tfidf:${clusters[i]}`));
  }
  return labels;
}

/** 0.05, 0.10, …, 0.90 (rounded, so thresholds print cleanly). */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 18 }, (_, i) => Math.round((i + 1) * 5) / 100);

export interface Tuned {
  threshold: number;
  score: BCubed;
  /** F1 per threshold, for the record. */
  curve: { threshold: number; f1: number }[];
}

/** The threshold with the best B-cubed F1 on `docs` (the lowest one on ties). */
export function tuneThreshold(docs: readonly GoldDoc[], grid: readonly number[] = THRESHOLD_GRID): Tuned {
  let best: Tuned | null = null;
  const curve: Tuned['curve'] = [];
  for (const threshold of grid) {
    const score = scoreLabels(docs, tfidfLabels(docs, threshold));
    curve.push({ threshold, f1: score.f1 });
    if (best === null || score.f1 > best.score.f1) best = { threshold, score, curve };
  }
  if (best === null) throw new Error('empty threshold grid');
  return { ...best, curve };
}

// ─── Error analysis ─────────────────────────────────────────────────────────

export interface ErrorExample {
  id: string;
  gold: string;
  /** What it was wrongly put with / apart from, in words. */
  detail: string;
}

export interface ErrorClass {
  name: string;
  description: string;
  /** Documents in this class. */
  count: number;
  examples: ErrorExample[];
}

function majority(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * Which documents the system clustered wrongly, by cause:
 * - no primary event: the article got no event at all, so it stands alone;
 * - merged across subtopics: in a cluster whose majority is another gold subtopic;
 * - split within a subtopic: has an event, but not the one most of its subtopic got.
 * A document counts in at most one class, in that order.
 */
export function analyzeErrors(docs: readonly GoldDoc[], assignment: SystemAssignment, examplesPerClass = 3): ErrorClass[] {
  const sorted = [...docs].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const eventOf = (d: GoldDoc): string | null => {
    const e = assignment.get(d.id) ?? null;
    return e === null ? null : `${d.group}:${e}`;
  };
  const byEvent = groupBy(sorted.filter((d) => eventOf(d) !== null), (d) => eventOf(d)!);
  const clusterMajority = new Map([...byEvent].map(([event, members]) => [event, majority(members.map((m) => m.gold))]));
  const bySubtopic = groupBy(sorted, (d) => d.gold);
  const subtopicMain = new Map<string, string | null>();
  for (const [gold, members] of bySubtopic) {
    const events = members.map(eventOf).filter((e): e is string => e !== null);
    subtopicMain.set(gold, events.length > 0 ? majority(events) : null);
  }

  const classes: ErrorClass[] = [
    { name: 'no primary event', description: 'the article got no event, so it stands alone', count: 0, examples: [] },
    { name: 'merged across subtopics', description: "put in a cluster that is mostly another gold subtopic's", count: 0, examples: [] },
    { name: 'split within a subtopic', description: 'has an event, but not the one most of its subtopic got', count: 0, examples: [] },
  ];
  const add = (k: number, d: GoldDoc, detail: string): void => {
    const c = classes[k]!;
    c.count++;
    if (c.examples.length < examplesPerClass) c.examples.push({ id: d.id, gold: d.gold, detail });
  };
  for (const d of sorted) {
    const event = eventOf(d);
    if (event === null) {
      if ((bySubtopic.get(d.gold)?.length ?? 0) > 1) add(0, d, 'singleton');
      continue;
    }
    const mostly = clusterMajority.get(event)!;
    if (mostly !== d.gold) {
      add(1, d, `with ${mostly} (event ${event.slice(d.group.length + 1)})`);
      continue;
    }
    const main = subtopicMain.get(d.gold);
    if (main !== event) add(2, d, `event ${event.slice(d.group.length + 1)}, subtopic mostly in ${main?.slice(d.group.length + 1) ?? '-'}`);
  }
  return classes;
}
