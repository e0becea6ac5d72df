/**
 * Glue between the project's parsers and chrono's own refiners:
 * - the project's results win over chrono's where they overlap ("last week" is a week,
 *   not the day seven days back);
 * - chrono's filters never see the project's results (its UnlikelyFormatFilter drops
 *   any all-digit text, i.e. every bare year).
 */
import type * as chrono from 'chrono-node';
import { hasRuleTag as isProject } from '../parsers/shared.ts';

function overlaps(a: chrono.ParsingResult, b: chrono.ParsingResult): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

const byIndex = (a: chrono.ParsingResult, b: chrono.ParsingResult): number => a.index - b.index;

/** The results split by origin, in their order (one pass; these refiners run on every sentence with a result). */
function split(results: readonly chrono.ParsingResult[]): { project: chrono.ParsingResult[]; others: chrono.ParsingResult[] } {
  const project: chrono.ParsingResult[] = [];
  const others: chrono.ParsingResult[] = [];
  for (const r of results) (isProject(r) ? project : others).push(r);
  return { project, others };
}

export const projectFirstRefiner: chrono.Refiner = {
  refine(_context, results) {
    const { project } = split(results);
    if (project.length === 0) return results.slice();
    return results.filter((r) => project.includes(r) || !project.some((p) => overlaps(p, r)));
  },
};

/** Run a chrono refiner on chrono's results only, passing the project's results through. */
export function exemptProjectResults(refiner: chrono.Refiner): chrono.Refiner {
  return {
    refine(context, results) {
      const { project, others } = split(results);
      const kept = refiner.refine(context, others);
      return (project.length === 0 ? kept.slice() : kept.concat(project)).sort(byIndex);
    },
  };
}
