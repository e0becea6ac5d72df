/**
 * Bare years and year ranges, which chrono leaves alone: "in 2026", "since 2000",
 * "in 2017-2021", "between 2017 and 2021", and a year naming an event ("the 2024 US
 * elections", "A 2018 summit", "2025 Budapest Summit" — TimeML annotates those too).
 * Only 1900–2099, and only in a temporal context, so "2,000", "the 202 election" and
 * "2000 troops" stay numbers. The preposition is context, not part of the span.
 */
import type * as chrono from 'chrono-node';
import { TAG } from './shared.ts';

const YEAR = '(?:19|20)\\d{2}';
const NOT_A_COUNT = '(?![\\d,.]\\d|\\s*(?:%|percent|per cent|people|troops|soldiers|cases|votes|points|members|km|miles|tons|dollars|euros|rubles|times)\\b)';
const RANGE_JOIN = '\\s*(?:-|–|—|to|and|until|through|till)\\s*';

const IN_CONTEXT = new RegExp(
  `(^|[^\\w])((?:in|since|by|until|till|from|of|during|before|after|around|circa|between|early|mid|late|mid-|summer|spring|autumn|fall|winter|year)\\s*)(${YEAR})(?:(${RANGE_JOIN})(${YEAR}))?${NOT_A_COUNT}(?![\\w-])`,
  'i',
);

const EVENT_NOUNS =
  'elections?|summit|campaign|war|games|olympics|world cup|budget|census|vote|referendum|agreement|deal|accord|treaty|talks|meeting|visit|invasion|crisis|pandemic|attacks?|protests?|uprising|coup|revolution|conference|forum|race|primary|primaries|inauguration|midterms?|season';

/** A year before (up to four words and) an event noun, after a determiner or at a line start. */
const EVENT_YEAR = new RegExp(
  `(^|\\n|\\b(?:the|a|an|its|his|her|their|this|that)\\s+|'s\\s+)(${YEAR})(?=(?:\\s+[\\w.–-]+){0,4}?\\s+(?:${EVENT_NOUNS})\\b)${NOT_A_COUNT}`,
  'i',
);

function yearResult(context: chrono.ParsingContext, index: number, text: string, y1: number, y2: number | null, rule: string) {
  const start = context.createParsingComponents({ year: y1 }).addTag(TAG.granularityYear);
  const end = y2 !== null ? context.createParsingComponents({ year: y2 }).addTag(TAG.granularityYear) : undefined;
  const result = context.createParsingResult(index, text, start, end);
  return result.addTags([`${TAG.rulePrefix}${rule}`, TAG.granularityYear]);
}

export const yearInContextParser: chrono.Parser = {
  pattern: () => IN_CONTEXT,
  extract(context, match) {
    const index = match.index! + match[1]!.length + match[2]!.length;
    const y1 = Number(match[3]);
    const y2 = match[5] ? Number(match[5]) : null;
    if (y2 !== null && y2 <= y1) return null;
    const text = match[3]! + (match[4] ?? '') + (match[5] ?? '');
    return yearResult(context, index, text, y1, y2, 'year-parser');
  },
};

export const eventYearParser: chrono.Parser = {
  pattern: () => EVENT_YEAR,
  extract(context, match) {
    const index = match.index! + match[1]!.length;
    return yearResult(context, index, match[2]!, Number(match[2]), null, 'event-year-parser');
  },
};
