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
