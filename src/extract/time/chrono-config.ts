/**
 * The chrono configuration: chrono's casual English parsers and refiners, with the
 * project's rules placed around them, in order:
 *
 *   parsers:  chrono casual … + hhmm-zone, year-in-context, event-year, relative-period, set
 *   refiners: project-first → chrono's refiners (its filters exempt the project's results)
 *             → repairs (part of day + date, spaced meridiem) → filters (named rejections) → trim → zone-suffix → period-modifier
 *             → year-anaphora → list-year
 *
 * Context across sentences (narrative year, news weekdays, reference date) is not
 * chrono's business: narrative.ts does it on the whole article afterwards.
 *
 * chrono's "… ago" and "… later" parsers run with their patterns case-expanded
 * (case-expanded.ts): the same matches, compiled in a fifth of the time.
 */
import * as chrono from 'chrono-node';
import { hhmmZoneParser } from './parsers/hhmm-zone.ts';
import { eventYearParser, yearInContextParser } from './parsers/years.ts';
import { relativePeriodParser } from './parsers/relative-period.ts';
import { setParser } from './parsers/sets.ts';
import { CHRONO_PARSER_NEEDS, mayHoldTime, parserGate, type ParserNeeds } from './gate.ts';
import { withCheapPattern } from './case-expanded.ts';
import { withEarlyRejection } from './early-reject.ts';
import { exemptProjectResults, projectFirstRefiner } from './refiners/project-first.ts';
import { filterRefiner } from './refiners/filters.ts';
import { partOfDayDateRefiner, spacedMeridiemRefiner } from './refiners/repairs.ts';
import {
  listYearRefiner,
  periodModifierRefiner,
  trimRefiner,
  yearAnaphoraRefiner,
  zoneSuffixRefiner,
} from './refiners/span-adjust.ts';

export const PROJECT_PARSERS: readonly chrono.Parser[] = [
  hhmmZoneParser,
  yearInContextParser,
  eventYearParser,
  relativePeriodParser,
  setParser,
];

export const PROJECT_REFINERS: readonly chrono.Refiner[] = [
  partOfDayDateRefiner,
  spacedMeridiemRefiner,
  filterRefiner(),
  trimRefiner,
  zoneSuffixRefiner,
  periodModifierRefiner,
  yearAnaphoraRefiner,
  listYearRefiner,
];

function isFilter(refiner: chrono.Refiner): boolean {
  return /Filter$/.test(refiner.constructor?.name ?? '');
}

/** What each project parser needs to match (see gate.ts), read from its pattern. */
const PROJECT_PARSER_NEEDS: ReadonlyMap<chrono.Parser, ParserNeeds> = new Map([
  [hhmmZoneParser, ['fourDigits']],
  [yearInContextParser, ['fourDigits']],
  [eventYearParser, ['fourDigits']],
  [relativePeriodParser, [{ words: 'relativeUnit' }]],
  [setParser, [{ words: 'set' }]],
]);

const needsOf = (parser: chrono.Parser): ParserNeeds =>
  PROJECT_PARSER_NEEDS.get(parser) ?? CHRONO_PARSER_NEEDS[parser.constructor?.name ?? ''] ?? [];

/**
 * chrono's casual parsers then the project's, each with what it needs (unless `cheapPatterns`
 * is false: the costly patterns case-expanded, numbers that cannot be clock times rejected
 * before chrono builds anything for them, early-reject.ts).
 */
function newsParsers(cheapPatterns: boolean): { parser: chrono.Parser; needs: ParserNeeds }[] {
  return [...chrono.casual.clone().parsers, ...PROJECT_PARSERS].map((parser) => ({
    parser: cheapPatterns ? withEarlyRejection(withCheapPattern(parser)) : parser,
    needs: needsOf(parser),
  }));
}

/**
 * The news chrono for one sentence: only the parsers whose needs hold in it (gate.ts),
 * or null when none do. A parser that cannot match adds no result, and chrono
 * concatenates each parser's results in parser order and sorts them stably, so the
 * refiners see the same list and the results are the same as the full chrono's. Most
 * sentences hold a number but no year, month or weekday name, casual word or "ago": on
 * the benchmark corpus 23% of the parser runs remain (gate.ts). One chrono per parser
 * subset, made on first use (564 subsets on the benchmark corpus); index.ts runs them
 * with `parseSentence` (sentence-parse.ts).
 */
export function createGatedNewsChrono(): (text: string) => chrono.Chrono | null {
  const parsers = newsParsers(true);
  const full = new chrono.Chrono({ parsers: parsers.map((p) => p.parser), refiners: newsRefiners() });
  const gate = parserGate(parsers.map((p) => p.needs));
  if (!gate) return (text) => (mayHoldTime(text) ? full : null);
  const bySubset = new Map<number, chrono.Chrono>();
  return (text) => {
    const subset = gate(text);
    if (subset === 0) return null;
    let instance = bySubset.get(subset);
    if (!instance) {
      instance = new chrono.Chrono({ parsers: full.parsers.filter((_, i) => subset & (1 << i)), refiners: full.refiners });
      bySubset.set(subset, instance);
    }
    return instance;
  };
}

/** The news chrono, ungated: what the gated one must equal (chrono's costly patterns case-expanded unless told otherwise). */
export function createNewsChrono({ cheapPatterns = true }: { cheapPatterns?: boolean } = {}): chrono.Chrono {
  return new chrono.Chrono({ parsers: newsParsers(cheapPatterns).map((p) => p.parser), refiners: newsRefiners() });
}

function newsRefiners(): chrono.Refiner[] {
  return [
    projectFirstRefiner,
    ...chrono.casual.clone().refiners.map((r) => (isFilter(r) ? exemptProjectResults(r) : r)),
    ...PROJECT_REFINERS,
  ];
}
