/** Recurring times (TIMEX3 SET): "every Tuesday", "each year", "every morning". */
import type * as chrono from 'chrono-node';
import { TAG } from './shared.ts';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const UNITS: Record<string, string> = { day: 'P1D', week: 'P1W', month: 'P1M', year: 'P1Y', morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI' };
const PATTERN = new RegExp(`(^|[^\\w])(every|each)\\s+(${[...Object.keys(UNITS), ...WEEKDAYS].join('|')})(?![\\w-])`, 'i');

export const setParser: chrono.Parser = {
  pattern: () => PATTERN,
  extract(context, match) {
    const index = match.index! + match[1]!.length;
    const word = match[3]!.toLowerCase();
    const weekday = WEEKDAYS.indexOf(word);
    const value = weekday >= 0 ? `XXXX-WXX-${weekday + 1}` : UNITS[word]!;
    const result = context.createParsingResult(index, match[0].slice(match[1]!.length), {});
    return result.addTags([`${TAG.rulePrefix}set-parser`, `${TAG.setPrefix}${value}`]);
  },
};
