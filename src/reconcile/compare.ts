/**
 * Splink-style comparison of two event mentions: every comparison level adds a
 * labelled weight, the sum is the match score, and the labels are kept as the
 * event's merge reasons so a reviewer can see why mentions were (or were not) merged.
 *
 * Weights (documented in the README's matching section):
 *   type        same +2 · related family (meeting/summit/talks) +1 · different family −4
 *   date        same day +4 (+3 when a side is only implied by context)
 *               compatible granularity (day vs month +1, vs year +0.5)
 *               different year −10 (−6 when a year is only implied) · different day −8
 *               adjacent days in different zones −1
 *   participants all shared +3 · one side a subset +1 · each side has someone the
 *               other lacks −3
 *   place       same +2 · two different cities (or countries) −3 · otherwise 0
 *               (a country and its city may be one place: no evidence either way)
 *   article     same article +0.5 (an outlet rarely reports one event as two) · same
 *               sentence but different type families −4 (one sentence, two happenings)
 *   time        same UTC instant +2 · different instants −1 (0 if either is planned)
 * A link is accepted at score ≥ MATCH_THRESHOLD. Labels are weight-free ("same type
 * talks"); the weight is `MergeReason.weight` and report/format.ts prints `label +w`.
 */
import { memoized } from '../extract/entity/memo.ts';
import type { EventMention, MergeReason } from '../types.ts';
import {
  clockOf,
  dateLevel,
  dateOf,
  datesCompatible,
  dayDistance,
  fold,
  instantMs,
  LEVEL_NAME,
  placeRelation,
  typeFamily,
  yearOf,
} from './values.ts';

export const MATCH_THRESHOLD = 4;

export interface Comparison {
  score: number;
  reasons: MergeReason[];
}

/**
 * The score and its labelled reasons. The reasons are built only when read: most
 * candidate pairs fall below the threshold and nobody reads theirs, and building
 * their labels was most of the comparison's time and garbage on large dumps.
 */
export function compareMentions(a: EventMention, b: EventMention): Comparison {
  let sum = 0;
  compareLevels(a, b, (_label, weight) => {
    sum += weight;
  });
  const score = Math.round(sum * 100) / 100;
  let reasons: MergeReason[] | null = null;
  return {
    score,
    get reasons(): MergeReason[] {
      if (!reasons) {
        const built: MergeReason[] = [];
        compareLevels(a, b, (label, weight) => {
          built.push({ label: label(), weight });
        });
        reasons = built;
      }
      return reasons;
    },
  };
}

/**
 * `fold` and `placeRelation` memoized: a dump has few distinct names and places but
 * millions of candidate pairs, and normalizing the same strings again was a fifth of
 * the comparison time. The tables are cleared when they grow past `MEMO_LIMIT`.
 */
const MEMO_LIMIT = 200_000;
const foldMemo = memoized(fold, MEMO_LIMIT);
const placeRelationByPair = memoized((pair: string) => {
  const [a, b] = pair.split('\u0000') as [string, string];
  return placeRelation(a, b);
}, MEMO_LIMIT);
const placeRelationMemo = (a: string, b: string): ReturnType<typeof placeRelation> => placeRelationByPair(`${a}\u0000${b}`);

/** Each comparison level's label (built only when asked for) and weight, in a fixed order. */
type LevelSink = (label: () => string, weight: number) => void;

function compareLevels(a: EventMention, b: EventMention, add: LevelSink): void {
  // Type
  if (a.type === b.type) add(() => `same type ${a.type}`, 2);
  else if (typeFamily(a.type) === typeFamily(b.type)) add(() => `related types ${[a.type, b.type].sort().join('/')}`, 1);
  else add(() => `different types ${a.type} vs ${b.type}`, -4);

  // Date
  const da = dateOf(a.time);
  const db = dateOf(b.time);
  if (da && db) compareDates(a, b, da, db, add);

  // Participants
  compareParticipants(a.participants, b.participants, add);

  // Place
  if (a.place && b.place) {
    const pa = a.place;
    const pb = b.place;
    const relation = placeRelationMemo(pa, pb);
    if (relation === 'same') add(() => `same place ${pa.length <= pb.length ? pa : pb}`, 2);
    // −3, not −2: same type (+2) and same day (+4) minus 2 reached the threshold, so two
    // shootings on one day in two cities were one event unless people told them apart.
    else if (relation === 'different') add(() => `different place ${pa} vs ${pb}`, -3);
    // 'unknown' (a country and a city, a venue): one may contain the other; no evidence either way.
  }

  // Same article
  if (a.source === b.source) {
    if (a.sentence === b.sentence && typeFamily(a.type) !== typeFamily(b.type)) {
      // "The first call took place on November 14, 2016, following Trump's victory in the
      // election": triggers of two families in one sentence name two happenings.
      add(() => 'two kinds of event in one sentence', -4);
    } else add(() => (a.sentence === b.sentence ? 'same article, same sentence' : 'same article, different sentences'), 0.5);
  }

  // Times of day
  const ua = a.time?.utc;
  const ub = b.time?.utc;
  if (ua && ub) {
    if (instantMs(ua) === instantMs(ub)) add(() => `times agree in UTC ${clockOf(ua)}`, 2);
    else if (a.modality !== 'actual' || b.modality !== 'actual') add(() => `times differ ${clockOf(ua)} vs ${clockOf(ub)} (one planned)`, 0);
    else add(() => `times differ ${clockOf(ua)} vs ${clockOf(ub)}`, -1);
  }
}

function compareDates(
  a: EventMention,
  b: EventMention,
  da: string,
  db: string,
  add: LevelSink,
): void {
  const ya = yearOf(da);
  const yb = yearOf(db);
  const yearsKnown = Boolean(a.time?.known.year) && Boolean(b.time?.known.year);
  if (ya && yb && ya !== yb) {
    add(() => `different year ${[ya, yb].sort().join(' vs ')}${yearsKnown ? '' : ' (implied)'}`, yearsKnown ? -10 : -6);
    return;
  }
  if (da === db) {
    const explicit = dateLevel(da) < 3 || (isExplicitDay(a) && isExplicitDay(b));
    if (dateLevel(da) === 3) add(() => `same date ${da}${explicit ? '' : ' (relative)'}`, explicit ? 4 : 3);
    else add(() => `same ${LEVEL_NAME[dateLevel(da)]} ${da}`, dateLevel(da) === 2 ? 1.5 : 0.5);
    return;
  }
  if (datesCompatible(da, db)) {
    const fine = Math.max(dateLevel(da), dateLevel(db));
    const coarse = Math.min(dateLevel(da), dateLevel(db));
    add(() => `date granularity ${LEVEL_NAME[fine]} vs ${LEVEL_NAME[coarse]} compatible`, coarse === 2 ? 1 : 0.5);
    return;
  }
  // The day distance matters only across zones (and costs two date parses): ask it last.
  const zonesDiffer = Boolean(a.time?.zone && b.time?.zone && a.time.zone !== b.time.zone);
  if (zonesDiffer && dayDistance(da, db) === 1) add(() => `adjacent days ${[da, db].sort().join(' vs ')} in different zones`, -1);
  else add(() => `different date ${[da, db].sort().join(' vs ')}`, -8);
}

function isExplicitDay(m: EventMention): boolean {
  return Boolean(m.time?.known.month && m.time.known.day);
}

function compareParticipants(
  pa: readonly string[],
  pb: readonly string[],
  add: LevelSink,
): void {
  if (pa.length === 0 || pb.length === 0) return;
  const a = new Set(pa.map(foldMemo));
  const b = new Set(pb.map(foldMemo));
  const shared = [...a].filter((x) => b.has(x)).length;
  const union = new Set([...a, ...b]).size;
  if (shared === union) add(() => `participants ${shared}/${union}`, 3);
  else if (shared === a.size || shared === b.size) add(() => `participants ${shared}/${union} (subset)`, 1);
  else {
    add(() => {
      const onlyA = pa.filter((x) => !b.has(foldMemo(x))).sort();
      const onlyB = pb.filter((x) => !a.has(foldMemo(x))).sort();
      return `participants differ ${onlyA.join(', ')} vs ${onlyB.join(', ')}`;
    }, -3);
  }
}
