/**
 * Each article's primary event: the event it says most about, weighted toward the
 * headline and lead. News is written as an inverted pyramid: the main event comes
 * first, background and look-backs ("Here's a look back", a factbox of earlier
 * meetings) later, so a mention's weight decays with its position.
 *
 *   position       = 1 / (1 + sentence / 5)          (sentence index in the article)
 *   mention weight = modality (actual 1, planned/hypothetical 0.75, negated 0.25)
 *                    × 4 when in the lead (block ≤ 1 or sentence ≤ 1) × position
 *                    × 0.25 when background: dated wholly more than 30 days before
 *                      the article's publication ("elected in 1995"), see isBackground
 *   claim weight   = (0.5 per actual claim, 0.25 per planned one) × its mention's position
 *                    (× 0.25 when its mention is background)
 *
 * A forward-looking story (TASS on a call "this afternoon") is about its planned
 * event, so planned mentions count, a little less than actual ones. Exact ties (two
 * events of one lead sentence) go to the event more articles report (ECB+ train 85.5 →
 * 85.9; near ties within 0.15 as well: train 86.4 but dev precision 100 → 97), then to
 * the event mentioned first in the article, then to the smaller id. The background
 * discount (ECB+ dev 79.0 → 80.3, GVC val unchanged) keeps a recalled earlier event
 * from becoming the article's primary one; it needs publication dates, passed by
 * reconcile to every dominant-event choice (rule A, story linking, primary events).
 */
import { memoized } from '../extract/entity/memo.ts';
import type { Claim, EventMention, Modality } from '../types.ts';
import { dateOf } from './values.ts';

const MODALITY_WEIGHT: Record<Modality, number> = { actual: 1, planned: 0.75, hypothetical: 0.75, negated: 0.25 };
const LEAD_FACTOR = 4;

export function isLead(mention: EventMention): boolean {
  return mention.block <= 1 || mention.sentence <= 1;
}

/** Sentences after which a mention's weight has halved. */
const POSITION_HALF_LIFE = 5;

function positionFactor(mention: EventMention): number {
  return 1 / (1 + mention.sentence / POSITION_HALF_LIFE);
}

export function mentionWeight(mention: EventMention, published: string | null = null): number {
  return (
    MODALITY_WEIGHT[mention.modality] *
    (isLead(mention) ? LEAD_FACTOR : 1) *
    positionFactor(mention) *
    (isBackground(mention, published) ? BACKGROUND_FACTOR : 1)
  );
}

/** Days before publication after which a dated mention is background, not the news. */
export const BACKGROUND_DAYS = 30;
/** Weight left to a background mention ("elected in 1995", "a hurricane in 2005"). */
const BACKGROUND_FACTOR = 0.25;

/**
 * A mention dated wholly before publication by more than BACKGROUND_DAYS (at its own
 * granularity: "1995", "March 2008", "Jan. 6") is background: an earlier event the
 * article recalls. Undated mentions and articles without a publication date never are.
 */
export function isBackground(mention: EventMention, published: string | null): boolean {
  const date = dateOf(mention.time);
  if (!date || !published) return false;
  const cutoff = backgroundCutoff(published);
  return cutoff !== null && date < cutoff.slice(0, date.length);
}

/**
 * The day BACKGROUND_DAYS before `published`, or null when it is not a date; per
 * publication date (an article's mentions and claims share one; bounded, as timestamps
 * with times of day are many).
 */
const backgroundCutoff = memoized(
  (published: string): string | null =>
    /^\d{4}-\d{2}-\d{2}/.test(published)
      ? new Date(Date.parse(`${published.slice(0, 10)}T00:00Z`) - BACKGROUND_DAYS * 86_400_000).toISOString().slice(0, 10)
      : null,
  100_000,
);

/** Weights closer than this are a tie (sums of the same factors in another order). */
const TIE_EPSILON = 1e-9;

/**
 * The dominant group per source, for any grouping of mentions (provisional clusters
 * while matching, canonical event ids at the end).
 */
export function dominantBySource(
  mentions: readonly EventMention[],
  groupOf: (mention: EventMention) => string | undefined,
  claims: readonly Claim[] = [],
  claimGroupOf: (claim: Claim) => string | undefined = () => undefined,
  published: ReadonlyMap<string, string | null> = new Map(),
): Map<string, string> {
  const mentionById = new Map(mentions.map((m) => [m.id, m]));
  const tally = new Tally<string>();
  for (const m of mentions) {
    const group = groupOf(m);
    if (group !== undefined) tally.add(m.source, group, mentionWeight(m, published.get(m.source) ?? null), m.start);
  }
  for (const c of claims) {
    const group = claimGroupOf(c);
    if (group !== undefined) tally.addClaim(c, group, mentionById.get(c.event), published);
  }
  return tally.dominant((a, b) => a.localeCompare(b));
}

/**
 * `dominantBySource` for groups given by index, as reconcile holds them while matching:
 * the same tally and the same choice (ties between indexes compared as the strings
 * `dominantBySource` would be given), without a string key per mention and claim, a
 * flattened copy of the groups, or an id table per call (`mentionById` covers every
 * grouped mention, and claims of mentions in no group count for nothing).
 */
export function dominantGroupBySource(
  groups: readonly (readonly EventMention[])[],
  groupOfMention: ReadonlyMap<string, number>,
  mentionById: ReadonlyMap<string, EventMention>,
  claims: readonly Claim[],
  published: ReadonlyMap<string, string | null>,
): Map<string, number> {
  const tally = new Tally<number>();
  for (const group of groups) {
    for (const m of group) tally.add(m.source, groupOfMention.get(m.id)!, mentionWeight(m, published.get(m.source) ?? null), m.start);
  }
  for (const c of claims) {
    const group = groupOfMention.get(c.event);
    if (group !== undefined) tally.addClaim(c, group, mentionById.get(c.event), published);
  }
  return tally.dominant((a, b) => String(a).localeCompare(String(b)));
}

/** Weight per source and group, in the order first met (sums are added in input order: ties are within TIE_EPSILON). */
class Tally<K> {
  private readonly bySource = new Map<string, Map<K, { weight: number; first: number }>>();

  add(source: string, group: K, weight: number, position: number): void {
    let groups = this.bySource.get(source);
    if (!groups) this.bySource.set(source, (groups = new Map()));
    const entry = groups.get(group);
    if (entry) {
      entry.weight += weight;
      entry.first = Math.min(entry.first, position);
    } else groups.set(group, { weight, first: position });
  }

  addClaim(c: Claim, group: K, mention: EventMention | undefined, published: ReadonlyMap<string, string | null>): void {
    if (c.modality === 'negated') return;
    const position = mention ? positionFactor(mention) * (isBackground(mention, published.get(c.source) ?? null) ? BACKGROUND_FACTOR : 1) : 1;
    this.add(c.source, group, (c.modality === 'actual' ? 0.5 : 0.25) * position, c.evidence.start);
  }

  /** Per source, its heaviest group; exact ties: the group more sources report, then the first named, then `compareKeys`. */
  dominant(compareKeys: (a: K, b: K) => number): Map<string, K> {
    // How many articles report each group: an exact tie goes to the event more of them report.
    const reach = new Map<K, number>();
    for (const groups of this.bySource.values()) for (const group of groups.keys()) reach.set(group, (reach.get(group) ?? 0) + 1);
    const out = new Map<string, K>();
    for (const [source, groups] of this.bySource) {
      if (groups.size === 1) {
        out.set(source, groups.keys().next().value as K);
        continue;
      }
      const best = [...groups.entries()].sort(
        (a, b) =>
          (Math.abs(b[1].weight - a[1].weight) > TIE_EPSILON ? b[1].weight - a[1].weight : 0) ||
          reach.get(b[0])! - reach.get(a[0])! ||
          a[1].first - b[1].first ||
          compareKeys(a[0], b[0]),
      )[0];
      if (best) out.set(source, best[0]);
    }
    return out;
  }
}

/** Mention id → its canonical event id (undefined for a mention of no group). */
export interface EventOfMention {
  get(mention: string): string | undefined;
}

export function primaryEvents(
  articleIds: readonly string[],
  mentions: readonly EventMention[],
  eventOfMention: EventOfMention,
  claims: readonly Claim[],
  published: ReadonlyMap<string, string | null> = new Map(),
): Record<string, string | null> {
  const dominant = dominantBySource(
    mentions,
    (m) => eventOfMention.get(m.id),
    claims,
    (c) => eventOfMention.get(c.event),
    published,
  );
  const out: Record<string, string | null> = {};
  for (const id of [...articleIds].sort()) out[id] = dominant.get(id) ?? null;
  return out;
}
