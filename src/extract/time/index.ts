/**
 * Temporal extraction: dates, times and sets in an article's content sentences, as
 * Mentions with TIMEX3 values resolved against the publication date, the article's
 * zone and the narrative around them.
 *
 *   per sentence:  gate.ts (skip sentences no parser can match, and the parsers that
 *                  cannot match) → chrono (casual English + the project's parsers and
 *                  refiners, see chrono-config.ts; run by sentence-parse.ts with one
 *                  reference per article) → candidates (what the text states)
 *   per article:   narrative.ts (reference date, news weekdays, narrative year,
 *                  sections) → timevalue.ts (TIMEX3, UTC via zones.ts)
 *
 * Durations are not extracted here; the filters make sure "10 to 15 minutes",
 * "for 30 days" and "90-minute" never come out as dates or times.
 */
import type { Article, Mention, MentionKind, Sentence } from '../../types.ts';
import { linkAdjacentDates, toCandidate, type Candidate } from './candidates.ts';
import { createGatedNewsChrono } from './chrono-config.ts';
import { resolveAll, sectionsOf, type Reference, type Resolution } from './narrative.ts';
import { ArticleReference, parseSentence } from './sentence-parse.ts';
import { toTimeValue } from './timevalue.ts';
import { instantToWallTime, offsetAtWallTime, resolveZone, wallTimeToUtc, type Zone } from './zones.ts';

export { scoreTemporal } from './eval.ts';
export { resolveZone, wallTimeToUtc, offsetAtWallTime } from './zones.ts';

const newsChronoFor = createGatedNewsChrono();

/** chrono needs some reference; without a publication date nothing implied from it is used. */
const NEUTRAL_INSTANT = new Date(Date.UTC(2000, 0, 1, 12));

/** The publication date as a calendar date in the article's zone (UTC when unknown). */
export function referenceOf(published: string | null, zone: Zone | null): Reference {
  if (!published) return { date: null, zone, instant: null };
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published.trim());
  if (dateOnly) return { date: { year: +dateOnly[1]!, month: +dateOnly[2]!, day: +dateOnly[3]! }, zone, instant: null };
  const ms = Date.parse(published);
  if (Number.isNaN(ms)) return { date: null, zone, instant: null };
  const wall = instantToWallTime(zone ?? { offsetMinutes: 0 }, ms);
  return { date: { year: wall.year, month: wall.month, day: wall.day }, zone, instant: new Date(ms) };
}

/** chrono's reference: the publication instant, or noon of the publication day, with the zone's offset then. */
function chronoReference(reference: Reference): { instant: Date; timezone: number } {
  const { date, zone } = reference;
  if (!date) return { instant: NEUTRAL_INSTANT, timezone: 0 };
  const z = zone ?? { offsetMinutes: 0 };
  const wall = reference.instant ? instantToWallTime(z, reference.instant.getTime()) : { year: date.year, month: date.month, day: date.day, hour: 12, minute: 0 };
  const instant = reference.instant ?? new Date(wallTimeToUtc(z, wall).replace('Z', ':00Z'));
  return { instant, timezone: offsetAtWallTime(z, wall) };
}

function kindOf(c: Candidate, r: Resolution): MentionKind {
  if (c.set !== null) return 'set';
  return r.start.granularity === 'minute' || r.start.partOfDay ? 'time' : 'date';
}

function toMention(article: Article, r: Resolution): Mention {
  const c = r.candidate;
  const rule = r.how.length === 0 ? c.rule : `${c.rule}+${r.how.join('+')}`;
  const { start, end, text, sentence } = c;
  // a literal per shape, keys in output order (spreading a shared base cost a tenth of the stage)
  if (c.set !== null) return { source: article.id, start, end, text, sentence, rule, kind: 'set', value: c.set };
  const time = toTimeValue(r.start);
  const mention: Mention = { source: article.id, start, end, text, sentence, rule, kind: kindOf(c, r), value: time.timex, time };
  if (r.end) mention.endTime = toTimeValue(r.end);
  return mention;
}

export function extractTimes(article: Article, sentences: readonly Sentence[]): Mention[] {
  const zone = resolveZone(article.meta.timezone);
  const reference = referenceOf(article.meta.published, zone);
  const chronoRef = ArticleReference.of(chronoReference(reference));
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    const text = article.text.slice(sentence.start, sentence.end);
    const newsChrono = newsChronoFor(text); // only the parsers that can match here
    if (!newsChrono) continue; // about half the sentences: chrono would find nothing
    for (const result of parseSentence(newsChrono, text, chronoRef)) {
      if (!result.text.trim()) continue;
      candidates.push(toCandidate(result, sentence, text));
    }
  }
  linkAdjacentDates(candidates, article.text);
  const sections = sectionsOf(article, sentences);
  const sectionBySentenceIndex: number[] = [];
  sentences.forEach((s, i) => (sectionBySentenceIndex[s.index] = sections[i]!));
  return resolveAll(candidates, sectionBySentenceIndex, reference, zone).map((r) => toMention(article, r));
}
