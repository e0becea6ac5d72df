/**
 * Deictic periods: "last week" (an ISO week, 2025-W11), "this month", "earlier this
 * month", "next year". chrono turns "last week" into a single day seven days back;
 * the text names a whole period. Resolution against the publication date happens in
 * narrative.ts; here only the unit and the offset are read.
 */
import type * as chrono from 'chrono-node';
import { TAG } from './shared.ts';

const PATTERN = /(^|[^\w])(?:(earlier|later)\s+)?(this|last|next)\s+(week|month|year)(?![\w-])/i;
const OFFSETS: Record<string, number> = { this: 0, last: -1, next: 1 };

export const relativePeriodParser: chrono.Parser = {
  pattern: () => PATTERN,
  extract(context, match) {
    const index = match.index! + match[1]!.length;
    const text = match[0].slice(match[1]!.length);
    const unit = match[4]!.toLowerCase();
    const offset = OFFSETS[match[3]!.toLowerCase()]!;
    const result = context.createParsingResult(index, text, {});
    result.addTags([`${TAG.rulePrefix}relative-period-parser`, `${TAG.periodPrefix}${unit}:${offset}`]);
    if (match[2]) result.addTag(`${TAG.modPrefix}${match[2].toLowerCase() === 'earlier' ? 'START' : 'END'}`);
    return result;
  },
};
