/** Small helpers shared by the project's chrono parsers and refiners. */
import type * as chrono from 'chrono-node';

/** Tags the project's rules put on chrono results (chrono keeps tags through merges). */
export const TAG = {
  rulePrefix: 'project/',
  zonePrefix: 'zone:', // zone:<token as written>, e.g. zone:ET, zone:Moscow time
  periodPrefix: 'period:', // period:<unit>:<offset from the reference>, e.g. period:week:-1
  modPrefix: 'mod:', // TIMEX3 mod: EARLY, MID, LATE, START, END
  setPrefix: 'set:', // set:<TIMEX3 value>
  yearAnaphora: 'anaphora:year', // "of that year", "the same year"
  listYear: 'list-year', // year taken from the end of a list of dates
  granularityYear: 'granularity:year',
} as const;

/** A result's tags, or the set `result.tags()` returned (it builds a new one on every call). */
type Tagged = chrono.ParsingResult | ReadonlySet<string>;
const tagsOf = (tagged: Tagged): ReadonlySet<string> => (tagged instanceof Set ? tagged : (tagged as chrono.ParsingResult).tags());

/**
 * The tag sets chrono keeps on a result's components. `result.tags()` copies the start's
 * set and adds the end's (two or three new sets per call); refiners that only look at
 * the tags read them here in the same order, start's then end's, and never change them.
 */
const ownTags = (components: chrono.ParsingComponents): ReadonlySet<string> =>
  (components as unknown as { _tags: ReadonlySet<string> })._tags;

/** Whether a result has `tag` (as `result.tags().has(tag)`). */
export function hasTag(result: chrono.ParsingResult, tag: string): boolean {
  return ownTags(result.start).has(tag) || (result.end != null && ownTags(result.end).has(tag));
}

/** The first of a result's tags that satisfies `test`, in `result.tags()` order. */
export function findTag(result: chrono.ParsingResult, test: (tag: string) => boolean): string | undefined {
  for (const tag of ownTags(result.start)) if (test(tag)) return tag;
  if (result.end != null) for (const tag of ownTags(result.end)) if (test(tag)) return tag;
  return undefined;
}

const isRuleTag = (tag: string): boolean => tag.startsWith(TAG.rulePrefix);

/** A result one of the project's rules made or touched (a `project/` tag). */
export function hasRuleTag(result: chrono.ParsingResult): boolean {
  return findTag(result, isRuleTag) !== undefined;
}

export function tagValue(tagged: Tagged, prefix: string): string | null {
  for (const tag of tagsOf(tagged)) if (tag.startsWith(prefix)) return tag.slice(prefix.length);
  return null;
}

/** The project rule that made a result (first project tag), else the chrono parser's name. */
export function ruleOf(tagged: Tagged): string {
  const tags = [...tagsOf(tagged)];
  const project = tags.find((t) => t.startsWith(TAG.rulePrefix));
  if (project) return project.slice(TAG.rulePrefix.length);
  const parser = tags.find((t) => t.startsWith('parser/'));
  return parser ? `chrono:${parser.slice('parser/'.length)}` : 'chrono';
}

export function isProjectResult(result: chrono.ParsingResult): boolean {
  return [...result.tags()].some((t) => t.startsWith(TAG.rulePrefix) && t.includes('parser'));
}

export const MONTH_NAMES =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/** Replace a result's span (index/text) after a refiner extends or trims it. */
export function setSpan(context: chrono.ParsingContext, result: chrono.ParsingResult, start: number, end: number): void {
  result.index = start;
  result.text = context.text.slice(start, end);
}
