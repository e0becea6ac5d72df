/**
 * Named rejections of chrono results that are not dates or times in news text.
 * Each filter is small and answers one question; the first that matches rejects.
 * They run on chrono's raw results (before prepositions are trimmed).
 */
import type * as chrono from 'chrono-node';
import { hasRuleTag as isProject, hasTag } from '../parsers/shared.ts';

export interface ResultFilter {
  name: string;
  /** `text` is the result's text, trimmed (read once per result). */
  rejects(result: chrono.ParsingResult, context: chrono.ParsingContext, text: string): boolean;
}

const UNIT = '(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|centuries)';

const DURATION_NOT_DATE = new RegExp(`^(?:for|in|within|during|over|after)\\s+.*\\b${UNIT}$`, 'i');
const ANAPHORIC_OFFSET = new RegExp(`\\b${UNIT}\\s+(?:before|after|later|earlier|prior|afterwards?)$`, 'i');
// The other filters' patterns, as module constants: this refiner runs on every sentence with a result.
const CLOCK_RANGE = /^(?:at\s+)?[\d\s.,:-–]+(?:to|and|or|-|–)?[\d\s]*$/i;
const UNIT_OR_COUNT_AFTER = /^\s*(?:-\s*)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|percent|per cent|%|people|times|troops|points)\b/i;
const TITLE_WORDS = /^(?:Today|Tonight|Tomorrow|Yesterday|This\s+Week|This\s+Morning|This\s+Year|Now)$/;
const SENTENCE_START_BEFORE = /(?:^|[.!?:;]|\n)\s*["“'‘]?\s*$/;
const LOWERCASE_FIRST = /^[a-z]/;
const EVENT_NOUN_AFTER = /^\s+(?:defendants?|rioters?|committee|panel|insurrection|riots?|attackers?|protesters?|prosecutions?|pardons?|hearings?|investigation|probe|cases?)\b/i;
const BARE_NOW = /^(?:right\s+)?now$/i;

function after(context: chrono.ParsingContext, result: chrono.ParsingResult): string {
  return context.text.slice(result.index + result.text.length);
}
function before(context: chrono.ParsingContext, result: chrono.ParsingResult): string {
  return context.text.slice(0, result.index);
}

export const FILTERS: readonly ResultFilter[] = [
  {
    // "for 30 days", "in three years of US policy", "within two weeks", "in one day": lengths, not dates.
    name: 'duration-not-date',
    rejects: (r, _c, text) => !isProject(r) && DURATION_NOT_DATE.test(text),
  },
  {
    // "two days before", "a few hours later": anchored to an event in the text, not to
    // the publication date chrono uses. Unresolvable here, so not emitted.
    name: 'anaphoric-offset',
    rejects: (r, _c, text) => !isProject(r) && ANAPHORIC_OFFSET.test(text),
  },
  {
    // "10 to 15 minutes", "30-45 minutes": numbers read as clock times before a unit or a count noun.
    name: 'clock-range-before-unit',
    rejects: (r, c, text) => CLOCK_RANGE.test(text) && UNIT_OR_COUNT_AFTER.test(after(c, r)),
  },
  {
    // "Russia Today", "ABC's This Week": capitalised outside a sentence start = a name.
    name: 'title-not-date',
    rejects: (r, c, text) => {
      if (!TITLE_WORDS.test(text)) return false;
      // sentence start (optionally after an opening quote) or after . ! ? : ; — else a title ("on ABC's “This Week”")
      return !SENTENCE_START_BEFORE.test(before(c, r));
    },
  },
  {
    // "24/7", "9/11": slash dates without a year are slogans and event names in news.
    name: 'slash-without-year',
    rejects: (r) => hasTag(r, 'parser/SlashDateFormatParser') && !r.start.isCertain('year'),
  },
  {
    // "may", "march" as verbs: a month on its own must be capitalised.
    name: 'lowercase-month',
    rejects: (r, _c, text) => hasTag(r, 'parser/ENMonthNameParser') && !r.start.isCertain('year') && LOWERCASE_FIRST.test(text),
  },
  {
    // "Jan. 6 defendants", "Jan. 6 committee": a year-less date naming an event.
    name: 'date-as-event-name',
    rejects: (r, c) => r.start.isCertain('day') && !r.start.isCertain('year') && EVENT_NOUN_AFTER.test(after(c, r)),
  },
  {
    // "now", "right now": the moment of writing; carries nothing a claim can use.
    name: 'bare-now',
    rejects: (r, _c, text) => hasTag(r, 'casualReference/now') || BARE_NOW.test(text),
  },
];

/** The first filter that rejects the result, in FILTERS' order. */
function firstRejecting(result: chrono.ParsingResult, context: chrono.ParsingContext, text: string): ResultFilter | undefined {
  for (let i = 0; i < FILTERS.length; i++) if (FILTERS[i]!.rejects(result, context, text)) return FILTERS[i];
  return undefined;
}

/** A chrono refiner applying FILTERS; `rejected` (optional) records why, for debugging and tests. */
export function filterRefiner(rejected?: { text: string; filter: string }[]): chrono.Refiner {
  return {
    refine(context, results) {
      const kept: chrono.ParsingResult[] = [];
      for (let i = 0; i < results.length; i++) {
        const result = results[i]!;
        const hit = firstRejecting(result, context, result.text.trim());
        if (hit) rejected?.push({ text: result.text, filter: hit.name });
        else kept.push(result);
      }
      return kept;
    },
  };
}
