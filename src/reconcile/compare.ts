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
 *   place       same +2 · two different cities (or countries) −2 · otherwise 0
 *               (a country and its city may be one place: no evidence either way)
 *   article     same article +0.5 (an outlet rarely reports one event as two) · same
 *               sentence but different type families −4 (one sentence, two happenings)
 *   time        same UTC instant +2 · different instants −1 (0 if either is planned)
 * A link is accepted at score ≥ MATCH_THRESHOLD. Labels are weight-free ("same type
 * talks"); the weight is `MergeReason.weight` and report/format.ts prints `label +w`.
 */
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

export function compareMentions(a: EventMention, b: EventMention): Comparison {
  const reasons: MergeReason[] = [];
  // Labels carry no weight: the weight is its own field and formatters print `label +w`.
  const add = (label: string, weight: number): void => {
    reasons.push({ label, weight });
  };

  // Type
  if (a.type === b.type) add(`same type ${a.type}`, 2);
  else if (typeFamily(a.type) === typeFamily(b.type)) add(`related types ${[a.type, b.type].sort().join('/')}`, 1);
  else add(`different types ${a.type} vs ${b.type}`, -4);

  // Date
  const da = dateOf(a.time);
  const db = dateOf(b.time);
  if (da && db) compareDates(a, b, da, db, add);

  // Participants
  compareParticipants(a.participants, b.participants, add);

  // Place
  if (a.place && b.place) {
    const relation = placeRelation(a.place, b.place);
    if (relation === 'same') add(`same place ${a.place.length <= b.place.length ? a.place : b.place}`, 2);
    else if (relation === 'different') add(`different place ${a.place} vs ${b.place}`, -2);
    // 'unknown' (a country and a city, a venue): one may contain the other; no evidence either way.
  }

  // Same article
  if (a.source === b.source) {
    if (a.sentence === b.sentence && typeFamily(a.type) !== typeFamily(b.type)) {
      // "The first call took place on November 14, 2016, following Trump's victory in the
      // election": triggers of two families in one sentence name two happenings.
      add('two kinds of event in one sentence', -4);
    } else add(a.sentence === b.sentence ? 'same article, same sentence' : 'same article, different sentences', 0.5);
  }

  // Times of day
  if (a.time?.utc && b.time?.utc) {
    if (instantMs(a.time.utc) === instantMs(b.time.utc)) add(`times agree in UTC ${clockOf(a.time.utc)}`, 2);
    else if (a.modality !== 'actual' || b.modality !== 'actual')
      add(`times differ ${clockOf(a.time.utc)} vs ${clockOf(b.time.utc)} (one planned)`, 0);
    else add(`times differ ${clockOf(a.time.utc)} vs ${clockOf(b.time.utc)}`, -1);
  }

  const score = Math.round(reasons.reduce((sum, r) => sum + r.weight, 0) * 100) / 100;
  return { score, reasons };
}

function compareDates(
  a: EventMention,
  b: EventMention,
  da: string,
  db: string,
  add: (label: string, weight: number) => void,
): void {
  const ya = yearOf(da);
  const yb = yearOf(db);
  const yearsKnown = Boolean(a.time?.known.year) && Boolean(b.time?.known.year);
  if (ya && yb && ya !== yb) {
    add(`different year ${[ya, yb].sort().join(' vs ')}${yearsKnown ? '' : ' (implied)'}`, yearsKnown ? -10 : -6);
    return;
  }
  if (da === db) {
    const explicit = dateLevel(da) < 3 || (isExplicitDay(a) && isExplicitDay(b));
    if (dateLevel(da) === 3) add(`same date ${da}${explicit ? '' : ' (relative)'}`, explicit ? 4 : 3);
    else add(`same ${LEVEL_NAME[dateLevel(da)]} ${da}`, dateLevel(da) === 2 ? 1.5 : 0.5);
    return;
  }
  if (datesCompatible(da, db)) {
    const fine = Math.max(dateLevel(da), dateLevel(db));
    const coarse = Math.min(dateLevel(da), dateLevel(db));
    add(`date granularity ${LEVEL_NAME[fine]} vs ${LEVEL_NAME[coarse]} compatible`, coarse === 2 ? 1 : 0.5);
    return;
  }
  const days = dayDistance(da, db);
  const zonesDiffer = Boolean(a.time?.zone && b.time?.zone && a.time.zone !== b.time.zone);
  if (days === 1 && zonesDiffer) add(`adjacent days ${[da, db].sort().join(' vs ')} in different zones`, -1);
  else add(`different date ${[da, db].sort().join(' vs ')}`, -8);
}

function isExplicitDay(m: EventMention): boolean {
  return Boolean(m.time?.known.month && m.time.known.day);
}

function compareParticipants(
  pa: readonly string[],
  pb: readonly string[],
  add: (label: string, weight: number) => void,
): void {
  if (pa.length === 0 || pb.length === 0) return;
  const a = new Set(pa.map(fold));
  const b = new Set(pb.map(fold));
  const shared = [...a].filter((x) => b.has(x)).length;
  const union = new Set([...a, ...b]).size;
  if (shared === union) add(`participants ${shared}/${union}`, 3);
  else if (shared === a.size || shared === b.size) add(`participants ${shared}/${union} (subset)`, 1);
  else {
    const onlyA = pa.filter((x) => !b.has(fold(x))).sort();
    const onlyB = pb.filter((x) => !a.has(fold(x))).sort();
    add(`participants differ ${onlyA.join(', ')} vs ${onlyB.join(', ')}`, -3);
  }
}
