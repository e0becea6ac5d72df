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
 */
import * as chrono from 'chrono-node';
import { hhmmZoneParser } from './parsers/hhmm-zone.ts';
import { eventYearParser, yearInContextParser } from './parsers/years.ts';
import { relativePeriodParser } from './parsers/relative-period.ts';
import { setParser } from './parsers/sets.ts';
import { CHRONO_PARSER_NEEDS, mayHoldTime, parserGate, type ParserNeeds } from './gate.ts';
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
  [hhmmZoneParser, ['digit']],
  [yearInContextParser, ['digit']],
  [eventYearParser, ['digit']],
  [relativePeriodParser, [{ words: 'relativeUnit' }]],
  [setParser, [{ words: 'set' }]],
]);

const needsOf = (parser: chrono.Parser): ParserNeeds =>
  PROJECT_PARSER_NEEDS.get(parser) ?? CHRONO_PARSER_NEEDS[parser.constructor?.name ?? ''] ?? [];

/**
 * The news chrono for one sentence: only the parsers whose needs hold in it (gate.ts),
 * or null when none do. A parser that cannot match adds no result, and chrono
 * concatenates each parser's results in parser order and sorts them stably, so the
 * refiners see the same list and the results are the same as the full chrono's. Most
 * sentences hold a digit but no month or weekday name, casual word or "ago": on
 * the benchmark corpus 43% of the parser runs remain, chrono's CPU time drops by about a third.
 * One chrono per parser subset, made on first use (172 subsets on the benchmark corpus).
 */
export function createGatedNewsChrono(): (text: string) => chrono.Chrono | null {
  const full = createNewsChrono();
  const gate = parserGate(full.parsers.map(needsOf));
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

export function createNewsChrono(): chrono.Chrono {
  const base = chrono.casual.clone();
  const instance = new chrono.Chrono({
    parsers: [...base.parsers, ...PROJECT_PARSERS],
    refiners: [
      projectFirstRefiner,
      ...base.refiners.map((r) => (isFilter(r) ? exemptProjectResults(r) : r)),
      ...PROJECT_REFINERS,
    ],
  });
  return instance;
}
