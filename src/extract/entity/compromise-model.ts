/**
 * The parts of compromise's internals this folder reads (its `_world`: lexicon, tagger
 * patterns and models, methods), typed as far as they are used. Every reader checks
 * the shape it needs and falls back to plain nlp() (or to asking) when it differs.
 */
import type compromise from 'compromise';
import { memoized } from './memo.ts';

export interface Term {
  text: string;
  /** Normalized form (what compromise's regex elements test). */
  normal: string;
  pre: string;
  post: string;
  tags: Set<string>;
  index: [number, number];
}
export interface MatchRule {
  match?: unknown;
  tag?: unknown;
  unTag?: unknown;
  notIf?: unknown;
}
export interface World {
  hooks: string[];
  model: {
    one: { lexicon: Record<string, unknown>; frozenLex?: Record<string, unknown> };
    two: {
      matches: MatchRule[];
      switches: Record<string, string>;
      suffixPatterns?: (Record<string, string> | null)[];
      prefixPatterns?: (Record<string, string> | null)[];
      neighbours?: Record<string, [string, string][]>;
      endsWith?: Record<string, [RegExp, string][]>;
      regexNormal?: [RegExp, string][];
    };
  };
  methods: {
    one: {
      buildNet: (matches: MatchRule[], world: World) => unknown;
      parseMatch: (match: string, options: object, world: World) => unknown;
      killUnicode?: (text: string, world: World) => string;
      /** Per sentence, the set of its words and `#Tag`s (what the sweep's rule index is keyed by). */
      cacheDoc?: (docs: Term[][]) => Set<string>[];
      /** One parsed rule run over some sentences: pointers [sentence, start, end, startId, endId]. */
      match?: (docs: Term[][], rule: object) => { ptrs: number[][] };
      /** Applies the post-tagger matches found (`tag`/`unTag` at `pointer`). */
      bulkTagger?: (found: object[], docs: Term[][], world: World) => unknown;
    };
    two: { quickSplit: (docs: Term[][]) => Term[][] };
  };
}
let loaded: typeof compromise | null = null;

/**
 * Loads compromise. Building its lexicon is ~0.15–0.2 s of CPU at start-up, so it is loaded
 * only before something is extracted (runPipeline, analyzeWithCache, the worker threads):
 * a rerun that takes the last run's results (run-cache.ts) or only prints help never pays it.
 */
export async function loadCompromise(): Promise<void> {
  loaded ??= (await import('compromise')).default;
}

function compromiseLoaded(): typeof compromise {
  if (!loaded) throw new Error('compromise is not loaded: await loadCompromise() before extracting');
  return loaded;
}

/** compromise's `nlp(text)`; throws when it is not loaded, rather than tagging nothing. */
export function nlp(text: string): ReturnType<typeof compromise> {
  return compromiseLoaded()(text);
}

/** compromise's internals (undefined when they are not where this folder expects them); throws when it is not loaded. */
export function world(): World | undefined {
  return (compromiseLoaded() as unknown as { _world?: World })._world;
}

/** compromise's person tags (Honorific, FirstName… all imply Person). */
export const PERSON_TAGS: ReadonlySet<string> = new Set(['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific']);
/** The tags of a lexicon entry or a pattern's `tag` ("FirstName", "Noun|Verb", ["Acronym", "Person"]). */
export const tagNames = (tag: unknown): string[] => (typeof tag === 'string' ? tag.split(/[ .]+/) : Array.isArray(tag) ? tag.map(String) : []);
/** Some of these tags (in any form `tagNames` reads) is a person tag. */
export const tagsPerson = (tags: unknown): boolean => tagNames(tags).some((t) => PERSON_TAGS.has(t));
/** A post-tagger pattern that sets or removes a person tag. */
export const isPersonRule = (m: MatchRule): boolean => tagsPerson(m.tag) || tagsPerson(m.unTag);

/** Per lowercased word: lexicon entries are parsed on each look-up. */
const lexiconPerson = memoized((key: string): boolean => {
  const model = world()!.model;
  const switches = model.two.switches[key];
  return tagsPerson(model.one.lexicon[key]) || (typeof switches === 'string' && switches.includes('Person'));
}, 100_000);

/**
 * Could compromise's lexicon read this word as a name: listed as a first/last name
 * or person ("Nixon", "Oscar"), or ambiguous with one ("Jordan": Person|Place,
 * "Chin": Person|Noun)? True when the lexicon is not readable.
 */
export function lexiconMayBePerson(word: string): boolean {
  const model = world()?.model;
  if (!model?.one?.lexicon || !model.two?.switches) return true;
  return lexiconPerson(word.toLowerCase());
}
