/**
 * Glue between the project's parsers and chrono's own refiners:
 * - the project's results win over chrono's where they overlap ("last week" is a week,
 *   not the day seven days back);
 * - chrono's filters never see the project's results (its UnlikelyFormatFilter drops
 *   any all-digit text, i.e. every bare year).
 */
import type * as chrono from 'chrono-node';
import { TAG } from '../parsers/shared.ts';

function isProject(result: chrono.ParsingResult): boolean {
  for (const tag of result.tags()) if (tag.startsWith(TAG.rulePrefix)) return true;
  return false;
}

function overlaps(a: chrono.ParsingResult, b: chrono.ParsingResult): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

// tags() builds a new Set on every call: each result is classified once per refiner run.
export const projectFirstRefiner: chrono.Refiner = {
  refine(_context, results) {
    const fromProject = results.map(isProject);
    const project = results.filter((_, i) => fromProject[i]);
    return results.filter((r, i) => fromProject[i] || !project.some((p) => overlaps(p, r)));
  },
};

/** Run a chrono refiner on chrono's results only, passing the project's results through. */
export function exemptProjectResults(refiner: chrono.Refiner): chrono.Refiner {
  return {
    refine(context, results) {
      const fromProject = results.map(isProject);
      const kept = refiner.refine(context, results.filter((_, i) => !fromProject[i]));
      return [...kept, ...results.filter((_, i) => fromProject[i])].sort((a, b) => a.index - b.index);
    },
  };
}
