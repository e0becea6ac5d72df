/**
 * Repairs of chrono readings that come out wrong in news text (they run before the
 * filters, on chrono's raw results):
 *
 * - partOfDayDateRefiner: chrono merges "morning on Sunday, February 1, 2009" into one
 *   result but keeps the date of neither side (it takes "morning" as the date and the
 *   date as the time); the date written after the part of day is restored. A weekday
 *   written with a full date is only a check: the explicit date wins.
 * - spacedMeridiemRefiner: "1:30 a. m." comes out as "1:30 a"; the span is extended
 *   over ". m.". A lone "a"/"p" followed by a word ("at 1:30 a spokesman said") is an
 *   article or a word, not a meridiem: it is dropped (and a bare hour with it).
 */
import type * as chrono from 'chrono-node';
import { casualChrono } from '../case-expanded.ts';
import { findTag, setSpan } from '../parsers/shared.ts';

const PART_OF_DAY_LEAD = /^(?:(?:early|late)\s+)?(?:this\s+)?(?:morning|afternoon|evening|night)\s+(?:on|of)\s+(?:the\s+)?/i;
const DATE_FIELDS = ['year', 'month', 'day', 'weekday'] as const;
const isPartOfDayReference = (tag: string): boolean => /^casualReference\/(?:morning|afternoon|evening|night)$/.test(tag);

export const partOfDayDateRefiner: chrono.Refiner = {
  refine(context, results) {
    for (const r of results) {
      if (DATE_FIELDS.some((f) => r.start.isCertain(f)) || r.start.isCertain('hour')) continue;
      if (findTag(r, isPartOfDayReference) === undefined) continue;
      const lead = PART_OF_DAY_LEAD.exec(r.text);
      if (!lead) continue;
      const rest = r.text.slice(lead[0].length);
      const [date] = casualChrono.parse(rest, { instant: context.reference.instant, timezone: context.reference.timezoneOffset ?? undefined });
      if (!date || date.index !== 0) continue;
      for (const f of DATE_FIELDS) if (date.start.isCertain(f)) r.start.assign(f, date.start.get(f)!);
      // the date's own text may end before the merged text did
      setSpan(context, r, r.index, r.index + lead[0].length + date.text.length);
    }
    return results;
  },
};

const SPACED_MERIDIEM_END = /\d\s*([ap])$/i;

export const spacedMeridiemRefiner: chrono.Refiner = {
  refine(context, results) {
    return results.filter((r) => {
      if (r.end || !r.start.isCertain('meridiem')) return true;
      const m = SPACED_MERIDIEM_END.exec(r.text);
      if (!m) return true;
      const rest = context.text.slice(r.index + r.text.length);
      const tail = /^\.?\s?m\b\.?/i.exec(rest);
      if (tail) {
        setSpan(context, r, r.index, r.index + r.text.length + tail[0].length);
        return true;
      }
      if (!/^\s+[A-Za-z]/.test(rest)) return true; // text cut after "a"/"p": keep the reading
      // "1:30 a spokesman": the letter is a word; the clock time is as written, without meridiem
      if (!/:\d{2}\s*[ap]$/i.test(r.text)) return false;
      const hour = r.start.get('hour')!;
      const cut = r.text.length - r.text.replace(/\s*[ap]$/i, '').length;
      setSpan(context, r, r.index, r.index + r.text.length - cut);
      r.start.assign('hour', m[1]!.toLowerCase() === 'p' && hour > 12 ? hour - 12 : hour);
      delete (r.start as unknown as { knownValues: Record<string, number> }).knownValues.meridiem;
      return true;
    });
  },
};
