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
 *
 * As in Splink, what a level reads of a mention is computed once per mention (a
 * `MentionProfile`: folded participants, date level and year, instant), not once per
 * pair: a dense dump compares each dated mention with ~80 others, and re-deriving
 * these (sets of folded names, date splits, date parses) was most of the
 * reconciliation's time and garbage at 100k articles. Blocking's candidate pairs are
 * scored from the same profiles packed as numbers (ScoreTable, same scores).
 */
import { memoized } from '../extract/entity/memo.ts';
import type { EventMention, MergeReason } from '../types.ts';
import { IntList, Vocabulary } from './lead-vectors.ts';
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
  type PlaceRelation,
  typeFamily,
  yearOf,
} from './values.ts';

export const MATCH_THRESHOLD = 4;

export interface Comparison {
  score: number;
  reasons: MergeReason[];
}

/** What the comparison levels read of one mention, derived once. */
export interface MentionProfile {
  mention: EventMention;
  family: string;
  date: string | null;
  /** 1 year, 2 month, 3 day (0 when undated). */
  level: number;
  year: string | null;
  yearKnown: boolean;
  explicitDay: boolean;
  zone: string | null;
  /** Folded participant names, unique and sorted (compared by a merge, no sets per pair). */
  people: string[];
  /** The instant of a stated time of day, when there is one. */
  instant: number | null;
  // The mention's own fields the levels read, copied: a pair's score then reads its two
  // profiles (allocated together) and not the mentions too, scattered over a large heap.
  type: EventMention['type'];
  place: string | null;
  source: string;
  sentence: number;
  modality: EventMention['modality'];
}

export function profileMention(mention: EventMention): MentionProfile {
  const date = dateOf(mention.time);
  return {
    mention,
    family: typeFamily(mention.type),
    date,
    level: date ? dateLevel(date) : 0,
    year: yearOf(date),
    yearKnown: Boolean(mention.time?.known.year),
    explicitDay: Boolean(mention.time?.known.month && mention.time.known.day),
    zone: mention.time?.zone ?? null,
    people: [...new Set(mention.participants.map(foldMemo))].sort(),
    instant: mention.time?.utc ? instantMs(mention.time.utc) : null,
    type: mention.type,
    place: mention.place,
    source: mention.source,
    sentence: mention.sentence,
    modality: mention.modality,
  };
}

/**
 * The match score alone, from two profiles: what blocking's millions of candidate
 * pairs need. The same levels as `compareMentions`, without building any label.
 */
export function matchScore(a: MentionProfile, b: MentionProfile): number {
  scoreSum = 0;
  compareLevels(a, b, addToScore);
  return Math.round(scoreSum * 100) / 100;
}

// The running sum of `matchScore` (synchronous and never re-entered): a closure per call was garbage on hot paths.
let scoreSum = 0;
const addToScore: LevelSink = (weight) => {
  scoreSum += weight;
};

/** The score and its labelled reasons (the reasons built only when read). */
export function compareMentions(a: EventMention, b: EventMention): Comparison {
  return compareProfiles(profileMention(a), profileMention(b));
}

/** `compareMentions` of two profiled mentions (a caller that profiled them already: no second profile). */
export function compareProfiles(pa: MentionProfile, pb: MentionProfile): Comparison {
  const score = matchScore(pa, pb);
  let reasons: MergeReason[] | null = null;
  return {
    score,
    get reasons(): MergeReason[] {
      if (!reasons) {
        const built: MergeReason[] = [];
        compareLevels(pa, pb, (weight, label) => {
          built.push({ label: label(pa, pb), weight });
        });
        reasons = built;
      }
      return reasons;
    },
  };
}

/**
 * `fold` and `placeRelation` memoized: a dump has few distinct names and places but
 * millions of candidate pairs. The tables are cleared when they grow past `MEMO_LIMIT`.
 */
const MEMO_LIMIT = 200_000;
const foldMemo = memoized(fold, MEMO_LIMIT);
const placeRelations = new Map<string, Map<string, PlaceRelation>>();
let placeRelationCount = 0;
/** Two-level table, so a look-up builds no pair key. */
function placeRelationMemo(a: string, b: string): PlaceRelation {
  let row = placeRelations.get(a);
  const known = row?.get(b);
  if (known !== undefined) return known;
  const relation = placeRelation(a, b);
  if (placeRelationCount >= MEMO_LIMIT) {
    placeRelations.clear();
    placeRelationCount = 0;
    row = undefined;
  }
  if (!row) placeRelations.set(a, (row = new Map()));
  row.set(b, relation);
  placeRelationCount++;
  return relation;
}

/** A level's label, from the two profiles; module-level functions, so scoring allocates none. */
type Label = (a: MentionProfile, b: MentionProfile) => string;
/** Each comparison level's weight and label, in a fixed order. */
type LevelSink = (weight: number, label: Label) => void;

function compareLevels(a: MentionProfile, b: MentionProfile, add: LevelSink): void {
  // Type
  if (a.type === b.type) add(2, labels.sameType);
  else if (a.family === b.family) add(1, labels.relatedTypes);
  else add(-4, labels.differentTypes);

  // Date
  if (a.date !== null && b.date !== null) compareDates(a, b, add);

  // Participants
  if (a.people.length > 0 && b.people.length > 0) {
    const shared = sharedCount(a.people, b.people);
    if (shared === a.people.length + b.people.length - shared) add(3, labels.participants);
    else if (shared === a.people.length || shared === b.people.length) add(1, labels.participantsSubset);
    else add(-3, labels.participantsDiffer);
  }

  // Place
  if (a.place && b.place) {
    const relation = placeRelationMemo(a.place, b.place);
    if (relation === 'same') add(2, labels.samePlace);
    // −3, not −2: same type (+2) and same day (+4) minus 2 reached the threshold, so two
    // shootings on one day in two cities were one event unless people told them apart.
    else if (relation === 'different') add(-3, labels.differentPlace);
    // 'unknown' (a country and a city, a venue): one may contain the other; no evidence either way.
  }

  // Same article
  if (a.source === b.source) {
    // "The first call took place on November 14, 2016, following Trump's victory in the
    // election": triggers of two families in one sentence name two happenings.
    if (a.sentence === b.sentence && a.family !== b.family) add(-4, labels.twoKindsInOneSentence);
    else add(0.5, labels.sameArticle);
  }

  // Times of day
  if (a.instant !== null && b.instant !== null) {
    if (a.instant === b.instant) add(2, labels.timesAgree);
    else if (a.modality !== 'actual' || b.modality !== 'actual') add(0, labels.timesDifferPlanned);
    else add(-1, labels.timesDiffer);
  }
}

function compareDates(a: MentionProfile, b: MentionProfile, add: LevelSink): void {
  const da = a.date!;
  const db = b.date!;
  if (a.year && b.year && a.year !== b.year) {
    add(a.yearKnown && b.yearKnown ? -10 : -6, labels.differentYear);
    return;
  }
  if (da === db) {
    const explicit = a.level < 3 || (a.explicitDay && b.explicitDay);
    if (a.level === 3) add(explicit ? 4 : 3, labels.sameDate);
    else add(a.level === 2 ? 1.5 : 0.5, labels.samePeriod);
    return;
  }
  if (datesCompatible(da, db)) {
    add(Math.min(a.level, b.level) === 2 ? 1 : 0.5, labels.granularity);
    return;
  }
  // The day distance matters only across zones (and costs two date parses): ask it last.
  if (zonesDiffer(a, b) && dayDistance(da, db) === 1) add(-1, labels.adjacentDays);
  else add(-8, labels.differentDate);
}

const zonesDiffer = (a: MentionProfile, b: MentionProfile): boolean => Boolean(a.zone && b.zone && a.zone !== b.zone);
const sortedPair = (x: string, y: string): string => [x, y].sort().join(' vs ');

const labels = {
  sameType: (a) => `same type ${a.mention.type}`,
  relatedTypes: (a, b) => `related types ${[a.mention.type, b.mention.type].sort().join('/')}`,
  differentTypes: (a, b) => `different types ${a.mention.type} vs ${b.mention.type}`,
  differentYear: (a, b) => `different year ${sortedPair(a.year!, b.year!)}${a.yearKnown && b.yearKnown ? '' : ' (implied)'}`,
  sameDate: (a, b) => `same date ${a.date}${a.level < 3 || (a.explicitDay && b.explicitDay) ? '' : ' (relative)'}`,
  samePeriod: (a) => `same ${LEVEL_NAME[a.level]} ${a.date}`,
  granularity: (a, b) => `date granularity ${LEVEL_NAME[Math.max(a.level, b.level)]} vs ${LEVEL_NAME[Math.min(a.level, b.level)]} compatible`,
  adjacentDays: (a, b) => `adjacent days ${sortedPair(a.date!, b.date!)} in different zones`,
  differentDate: (a, b) => `different date ${sortedPair(a.date!, b.date!)}`,
  participants: (a, b) => participantCounts(a, b),
  participantsSubset: (a, b) => `${participantCounts(a, b)} (subset)`,
  participantsDiffer: (a, b) => {
    const onlyA = a.mention.participants.filter((x) => !b.people.includes(foldMemo(x))).sort();
    const onlyB = b.mention.participants.filter((x) => !a.people.includes(foldMemo(x))).sort();
    return `participants differ ${onlyA.join(', ')} vs ${onlyB.join(', ')}`;
  },
  samePlace: (a, b) => `same place ${a.mention.place!.length <= b.mention.place!.length ? a.mention.place : b.mention.place}`,
  differentPlace: (a, b) => `different place ${a.mention.place} vs ${b.mention.place}`,
  twoKindsInOneSentence: () => 'two kinds of event in one sentence',
  sameArticle: (a, b) => (a.mention.sentence === b.mention.sentence ? 'same article, same sentence' : 'same article, different sentences'),
  timesAgree: (a) => `times agree in UTC ${clockOf(a.mention.time!.utc!)}`,
  timesDifferPlanned: (a, b) => `times differ ${clockOf(a.mention.time!.utc!)} vs ${clockOf(b.mention.time!.utc!)} (one planned)`,
  timesDiffer: (a, b) => `times differ ${clockOf(a.mention.time!.utc!)} vs ${clockOf(b.mention.time!.utc!)}`,
} satisfies Record<string, Label>;

function participantCounts(a: MentionProfile, b: MentionProfile): string {
  const shared = sharedCount(a.people, b.people);
  return `participants ${shared}/${a.people.length + b.people.length - shared}`;
}

/** Names in both sorted, duplicate-free lists. */
function sharedCount(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

// ─── Packed profiles ────────────────────────────────────────────────────────

/** Words of a packed mention's row (see ScoreTable). */
const STRIDE = 8;
const [TYPE, FAMILY, DATE, FLAGS, ZONE, PLACE, SOURCE, PEOPLE] = [0, 1, 2, 3, 4, 5, 6, 7];
const [YEAR_KNOWN, EXPLICIT_DAY, ACTUAL, HAS_INSTANT, HAS_PLACE, HAS_ZONE] = [1, 2, 4, 8, 16, 32];
/** FLAGS holds the count of folded participants from this bit on. */
const PEOPLE_SHIFT = 8;
const NONE = -1;

/**
 * The profiles of a run's dated mentions packed for the candidate pairs' scores:
 * `score(i, j)` is `matchScore(profileMention(mentions[i]), profileMention(mentions[j]))`,
 * the same levels adding the same weights in the same order, read from one row of eight
 * 32-bit words per mention (strings as ids of small tables: type, family, date, zone,
 * place, source, folded names) instead of a profile object and the strings it points to.
 *
 * Why: a block's next mentions in date order are anywhere in the dump, so the second
 * mention of a pair is a random read; with objects each pair read a dozen scattered cache
 * lines (profile, people list, date, source, place and zone strings). Synthetic dumps, the
 * same pairs scored from objects: 530–800 ns a pair at 100k–300k articles, rising with the
 * heap, against ~70 ns for pairs of neighbours in memory; the 22M pairs of 300k articles
 * were the largest step of reconciliation and the one growing fastest per article. From
 * the table: 110–215 ns a pair at 100k; 48 bytes a mention (a row, its sentence and instant),
 * where the profiles were ~200.
 */
export class ScoreTable {
  private readonly rows: Int32Array;
  private readonly sentences: Int32Array;
  private readonly instants: Float64Array;
  private readonly peopleIds: Int32Array;
  /** Per date id: its string, dateLevel, year id (NONE when yearOf is null), and the ids of the dates that are proper prefixes of it. */
  private readonly dates: string[];
  private readonly dateLevels: Int8Array;
  private readonly dateYears: Int32Array;
  private readonly prefixFrom: Int32Array;
  private readonly prefixIds: Int32Array;
  private readonly places: string[];
  /** placeRelation of two place ids (first · places + second): 0 same, 1 different, 2 unknown. */
  private readonly placeRelations = new Map<number, number>();

  constructor(mentions: readonly EventMention[]) {
    const n = mentions.length;
    // Each string field as an id of its own table (numbered in order of first sight).
    const [types, families, dates, zones, places, sources, names] = [new Vocabulary(), new Vocabulary(), new Vocabulary(), new Vocabulary(), new Vocabulary(), new Vocabulary(), new Vocabulary()];
    this.rows = new Int32Array(n * STRIDE);
    this.sentences = new Int32Array(n);
    this.instants = new Float64Array(n);
    const people = new IntList();
    mentions.forEach((m, i) => {
      const row = i * STRIDE;
      const time = m.time;
      const date = dateOf(time);
      const folded = [...new Set(m.participants.map(foldMemo))].map((name) => names.id(name)).sort((x, y) => x - y);
      let flags = folded.length << PEOPLE_SHIFT;
      if (time?.known.year) flags |= YEAR_KNOWN;
      if (time?.known.month && time.known.day) flags |= EXPLICIT_DAY;
      if (m.modality === 'actual') flags |= ACTUAL;
      if (time?.utc) {
        flags |= HAS_INSTANT;
        this.instants[i] = instantMs(time.utc);
      }
      if (m.place) flags |= HAS_PLACE;
      if (time?.zone) flags |= HAS_ZONE;
      this.rows[row + TYPE] = types.id(m.type);
      this.rows[row + FAMILY] = families.id(typeFamily(m.type));
      this.rows[row + DATE] = date === null ? NONE : dates.id(date);
      this.rows[row + FLAGS] = flags;
      this.rows[row + ZONE] = time?.zone ? zones.id(time.zone) : NONE;
      this.rows[row + PLACE] = m.place ? places.id(m.place) : NONE;
      this.rows[row + SOURCE] = sources.id(m.source);
      this.rows[row + PEOPLE] = people.length;
      for (const id of folded) people.push(id);
      this.sentences[i] = m.sentence;
    });
    this.peopleIds = people.data.slice(0, people.length);
    this.dates = dates.words;
    this.places = places.words;
    const years = new Vocabulary();
    this.dateLevels = Int8Array.from(this.dates, dateLevel);
    this.dateYears = Int32Array.from(this.dates, (d) => {
      const year = yearOf(d);
      return year === null ? NONE : years.id(year);
    });
    // A date's proper prefixes among the dates (a year, a month of it): datesCompatible of two different dates.
    const known = new Map(this.dates.map((d, id) => [d, id]));
    this.prefixFrom = new Int32Array(this.dates.length + 1);
    const prefixes = new IntList();
    this.dates.forEach((d, id) => {
      for (let k = 1; k < d.length; k++) {
        const prefix = known.get(d.slice(0, k));
        if (prefix !== undefined) prefixes.push(prefix);
      }
      this.prefixFrom[id + 1] = prefixes.length;
    });
    this.prefixIds = prefixes.data.slice(0, prefixes.length);
  }

  /** The match score of mentions i and j (`matchScore` of their profiles). */
  score(i: number, j: number): number {
    const rows = this.rows;
    const a = i * STRIDE;
    const b = j * STRIDE;
    const fa = rows[a + FLAGS]!;
    const fb = rows[b + FLAGS]!;
    const sameFamily = rows[a + FAMILY] === rows[b + FAMILY];
    let sum = 0;
    // Type
    if (rows[a + TYPE] === rows[b + TYPE]) sum += 2;
    else if (sameFamily) sum += 1;
    else sum += -4;
    // Date
    if (rows[a + DATE] !== NONE && rows[b + DATE] !== NONE) sum += this.dateWeight(a, b, fa, fb);
    // Participants
    const pa = fa >>> PEOPLE_SHIFT;
    const pb = fb >>> PEOPLE_SHIFT;
    if (pa > 0 && pb > 0) {
      const shared = this.sharedPeople(rows[a + PEOPLE]!, pa, rows[b + PEOPLE]!, pb);
      if (shared === pa + pb - shared) sum += 3;
      else if (shared === pa || shared === pb) sum += 1;
      else sum += -3;
    }
    // Place
    if (fa & fb & HAS_PLACE) {
      const relation = this.placeRelation(rows[a + PLACE]!, rows[b + PLACE]!);
      if (relation === 0) sum += 2;
      else if (relation === 1) sum += -3;
    }
    // Same article
    if (rows[a + SOURCE] === rows[b + SOURCE]) {
      if (this.sentences[i] === this.sentences[j] && !sameFamily) sum += -4;
      else sum += 0.5;
    }
    // Times of day
    if (fa & fb & HAS_INSTANT) {
      if (this.instants[i] === this.instants[j]) sum += 2;
      else if (!(fa & fb & ACTUAL)) sum += 0;
      else sum += -1;
    }
    return Math.round(sum * 100) / 100;
  }

  /** compareDates' weight, for the rows at a and b (both dated) and their flags. */
  private dateWeight(a: number, b: number, fa: number, fb: number): number {
    const da = this.rows[a + DATE]!;
    const db = this.rows[b + DATE]!;
    const ya = this.dateYears[da]!;
    const yb = this.dateYears[db]!;
    if (ya !== NONE && yb !== NONE && ya !== yb) return fa & fb & YEAR_KNOWN ? -10 : -6;
    const la = this.dateLevels[da]!;
    const lb = this.dateLevels[db]!;
    if (da === db) {
      if (la === 3) return fa & fb & EXPLICIT_DAY ? 4 : 3;
      return la === 2 ? 1.5 : 0.5;
    }
    if (this.isPrefix(da, db) || this.isPrefix(db, da)) return Math.min(la, lb) === 2 ? 1 : 0.5;
    // The day distance matters only across zones (and costs two date parses): asked last.
    const zonesDiffer = (fa & fb & HAS_ZONE) !== 0 && this.rows[a + ZONE] !== this.rows[b + ZONE];
    return zonesDiffer && dayDistance(this.dates[da]!, this.dates[db]!) === 1 ? -1 : -8;
  }

  /** Date `p` is a proper prefix of date `d`. */
  private isPrefix(p: number, d: number): boolean {
    for (let k = this.prefixFrom[d]!; k < this.prefixFrom[d + 1]!; k++) if (this.prefixIds[k] === p) return true;
    return false;
  }

  private sharedPeople(x: number, xCount: number, y: number, yCount: number): number {
    const ids = this.peopleIds;
    const xEnd = x + xCount;
    const yEnd = y + yCount;
    let shared = 0;
    while (x < xEnd && y < yEnd) {
      const p = ids[x]!;
      const q = ids[y]!;
      if (p === q) {
        shared++;
        x++;
        y++;
      } else if (p < q) x++;
      else y++;
    }
    return shared;
  }

  private placeRelation(pa: number, pb: number): number {
    const key = pa * this.places.length + pb;
    let relation = this.placeRelations.get(key);
    if (relation === undefined) {
      const found = placeRelationMemo(this.places[pa]!, this.places[pb]!);
      relation = found === 'same' ? 0 : found === 'different' ? 1 : 2;
      this.placeRelations.set(key, relation);
    }
    return relation;
  }
}
