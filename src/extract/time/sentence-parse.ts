/**
 * chrono's `Chrono.parse` (chrono 2.10), for the many short calls of the per-sentence
 * chronos: the same steps in the same order — every parser's matches in parser order
 * (chrono's own `executeParser`), a stable sort by index, every refiner in turn — minus
 * what a call per sentence made costly:
 *
 * - chrono copies the result list once per parser (`concat`), a tenth of the time stage;
 *   here each parser's results are appended;
 * - with no result, no refiner runs: a refiner only edits, merges or drops the results it
 *   is given (each of chrono's and the project's returns an empty list for an empty one);
 * - the reference is built once per article (`ArticleReference`) instead of once per
 *   sentence, and its publication instant adjusted to the zone once instead of at every
 *   parsing component chrono makes (each match makes one, even a rejected one).
 *
 * tests/time-gate-equivalence.test.ts compares the results with `Chrono.parse`'s.
 */
import * as chrono from 'chrono-node';

/**
 * chrono's reference (instant and zone) for every sentence of an article. The adjusted
 * date chrono asks for is a function of the instant, the zone offset and the process's
 * time zone, none of which changes (chrono never writes them): computed once, returned
 * as a new Date each time as chrono does, since its callers may change it.
 */
export class ArticleReference extends chrono.ReferenceWithTimezone {
  #adjusted: number | undefined;

  /** What chrono's ParsingContext makes of the same input. */
  static of(input: chrono.ParsingReference): ArticleReference {
    const reference = chrono.ReferenceWithTimezone.fromInput(input);
    return new ArticleReference(reference.instant, reference.timezoneOffset ?? undefined);
  }

  override getDateWithAdjustedTimezone(): Date {
    this.#adjusted ??= super.getDateWithAdjustedTimezone().getTime();
    return new Date(this.#adjusted);
  }
}

type ExecuteParser = (context: chrono.ParsingContext, parser: chrono.Parser) => chrono.ParsingResult[];
/** chrono's own loop over one parser's matches (a private static of Chrono). */
const executeParser: ExecuteParser = (chrono.Chrono as unknown as { executeParser: ExecuteParser }).executeParser;

type WritableContext = { -readonly [K in 'reference' | 'refDate']: chrono.ParsingContext[K] };

/** `instance.parse(text, reference)`, as chrono does it (see the header). */
export function parseSentence(instance: chrono.Chrono, text: string, reference: ArticleReference): chrono.ParsingResult[] {
  // a Date input makes the cheapest reference, replaced at once by the article's
  const context = new chrono.ParsingContext(text, reference.instant);
  (context as unknown as WritableContext).reference = reference;
  (context as unknown as WritableContext).refDate = reference.instant;
  let results: chrono.ParsingResult[] = [];
  for (const parser of instance.parsers) {
    const found = executeParser(context, parser);
    for (let i = 0; i < found.length; i++) results.push(found[i]!);
  }
  if (results.length === 0) return results;
  results.sort((a, b) => a.index - b.index);
  for (const refiner of instance.refiners) results = refiner.refine(context, results);
  return results;
}
