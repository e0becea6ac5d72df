/**
 * Span refiners: make each result's text the temporal expression itself (TIMEX3
 * spans leave out "on"/"at" and trailing punctuation) and pull in the words that
 * belong to it: a zone after a clock time, "mid-"/"late" before a month or year,
 * "of that year" after a year-less date.
 */
import type * as chrono from 'chrono-node';
import { ZONE_TOKEN_SOURCE } from '../zones.ts';
import { TAG, findTag, hasTag, setSpan } from '../parsers/shared.ts';

const LEADING_PREPOSITION = /^(?:on|at|in|by|since|from|during|of)\s+/i;
const TRAILING_NOISE = /[\s,;:.]+$/;
const ABBREVIATED_MONTH_DOT = /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

export const trimRefiner: chrono.Refiner = {
  refine(context, results) {
    for (const r of results) {
      let start = r.index;
      let end = r.index + r.text.length;
      const lead = LEADING_PREPOSITION.exec(r.text);
      if (lead && lead[0].length < r.text.length) start += lead[0].length;
      let text = context.text.slice(start, end);
      // keep "a.m." ("a. m.") and "Feb." dots; drop a sentence's final dot and commas
      while (TRAILING_NOISE.test(text) && !/(?:[ap]\.\s?m\.)$/i.test(text) && !ABBREVIATED_MONTH_DOT.test(text)) {
        end -= 1;
        text = context.text.slice(start, end);
      }
      setSpan(context, r, start, end);
    }
    return results;
  },
};

const ZONE_AT_END = new RegExp(`(?:^|\\s)(${ZONE_TOKEN_SOURCE})$`);
const ZONE_AFTER = new RegExp(`^\\s*\\(?(${ZONE_TOKEN_SOURCE})\\)?`);
const isZoneTag = (tag: string): boolean => tag.startsWith(TAG.zonePrefix);

/** Tag results that have a clock time with the zone written with them; extend over a following zone. */
export const zoneSuffixRefiner: chrono.Refiner = {
  refine(context, results) {
    for (const r of results) {
      if (findTag(r, isZoneTag) !== undefined) continue;
      const inside = ZONE_AT_END.exec(r.text);
      if (inside) {
        r.addTag(`${TAG.zonePrefix}${inside[1]!.replace(/\s+/g, ' ')}`);
        continue;
      }
      const rest = context.text.slice(r.index + r.text.length);
      const following = ZONE_AFTER.exec(rest);
      if (following && (r.start.isCertain('hour') || hasTag(r, 'casualReference/evening') || /night|morning|afternoon|evening/i.test(r.text))) {
        const unbalanced = following[0].includes('(') !== following[0].endsWith(')');
        if (!unbalanced) setSpan(context, r, r.index, r.index + r.text.length + following[0].length);
        r.addTag(`${TAG.zonePrefix}${following[1]!.replace(/\s+/g, ' ')}`);
      }
    }
    return results;
  },
};

const MODIFIER_BEFORE = /(?:^|[^\w])((early|mid|late|the end of|the beginning of|the start of|end of|beginning of|start of)(?:\s*-\s*|\s+))$/i;
const MODS: Record<string, string> = { early: 'START', mid: 'MID', late: 'END', end: 'END', beginning: 'START', start: 'START' };

/** "mid-March", "late 2024", "the end of 2023": TIMEX3 mod on a month or a year. */
export const periodModifierRefiner: chrono.Refiner = {
  refine(context, results) {
    for (const r of results) {
      if (r.start.isCertain('day') || r.start.isCertain('hour')) continue;
      if (!r.start.isCertain('month') && !r.start.isCertain('year')) continue;
      const m = MODIFIER_BEFORE.exec(context.text.slice(Math.max(0, r.index - 20), r.index));
      if (!m) continue;
      const word = m[2]!.toLowerCase().replace(/^the\s+/, '').split(/\s/)[0]!;
      setSpan(context, r, r.index - m[1]!.length, r.index + r.text.length);
      r.addTag(`${TAG.modPrefix}${MODS[word]}`);
    }
    return results;
  },
};

const YEAR_ANAPHORA = /^(\s*,?\s*(?:of\s+)?(?:that|the\s+same)\s+year)(?!\w)/i;

/** "December 17 of that year", "July that year": the year is the narrative's (narrative.ts). */
export const yearAnaphoraRefiner: chrono.Refiner = {
  refine(context, results) {
    for (const r of results) {
      if (r.start.isCertain('year') || !r.start.isCertain('month')) continue;
      const m = YEAR_ANAPHORA.exec(context.text.slice(r.index + r.text.length));
      if (!m) continue;
      setSpan(context, r, r.index, r.index + r.text.length + m[1]!.length);
      r.addTag(TAG.yearAnaphora);
    }
    return results;
  },
};

const LIST_JOIN = /^\s*(?:,\s*(?:and|or)?|and|or|&)\s*$/i;

/** "May 2, November 21, and December 15, 2017": the year at the end of a list applies to all of it. */
export const listYearRefiner: chrono.Refiner = {
  refine(context, results) {
    for (let i = results.length - 2; i >= 0; i--) {
      const current = results[i]!;
      const next = results[i + 1]!;
      if (current.start.isCertain('year') || !current.start.isCertain('month') || !current.start.isCertain('day')) continue;
      if (!next.start.isCertain('year') || !next.start.isCertain('day')) continue;
      const between = context.text.slice(current.index + current.text.length, next.index);
      if (!LIST_JOIN.test(between)) continue;
      current.start.assign('year', next.start.get('year')!);
      current.addTag(TAG.listYear);
    }
    return results;
  },
};
