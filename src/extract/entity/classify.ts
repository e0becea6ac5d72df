/**
 * Classify the tokens of one capitalized run: gazetteer entities, titles,
 * demonyms, organization/place name patterns, and what is left over as
 * person-name candidates. Pure and cheap: no compromise here.
 */
import type { EntityKind } from './aliases.ts';
import {
  DEMONYM_SET,
  GIVEN_NAME_SET,
  MAX_PHRASE_TOKENS,
  MAX_TITLE_TOKENS,
  MONTH_DAY_SET,
  NON_NAME_SET,
  ORG_HEAD_SET,
  PHRASE_FIRST_WORDS,
  PLACE_HEAD_SET,
  TITLE_FIRST_WORDS,
  TITLE_SET,
  lookupPhrase,
} from './gazetteer.ts';
import { CONNECTORS, NAME_PARTICLES, tokenKey, type Token } from './tokens.ts';

export type TokenRole = 'entity' | 'title' | 'demonym' | 'connector' | 'month' | 'function' | 'other';

/** A named entity that needs no name resolution (from the gazetteer or a name pattern). */
export interface FixedEntity {
  start: number;
  end: number;
  kind: EntityKind;
  canonical: string;
  rule: 'gazetteer' | 'org-pattern' | 'place-pattern';
}

/** A sequence of name-shaped tokens that may be a person. */
export interface NameCandidate {
  tokens: Token[];
  /** A personal title precedes it (in the run or just before it). */
  titled: boolean;
  /** Its first token is a common given name and it has two or more name tokens. */
  givenName: boolean;
}

export interface RunAnalysis {
  entities: FixedEntity[];
  names: NameCandidate[];
}

const ALL_CAPS_WORD = /^\p{Lu}(?:[\p{Lu}'’-]+|\.)$/u;
const NAME_SHAPE = /^(?:\p{Lu}[\p{Ll}\p{M}]+(?:['’]?\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}\.)$/u;

function isNameShaped(token: Token): boolean {
  const key = tokenKey(token);
  return NAME_SHAPE.test(token.text) && !NON_NAME_SET.has(key) && !MONTH_DAY_SET.has(key) && !DEMONYM_SET.has(key);
}

/** Folded text of some tokens: their folded forms joined by spaces (folding works word by word). */
function fold(tokens: readonly Token[], from: number, to: number): string {
  let folded = tokenKey(tokens[from]!);
  for (let i = from + 1; i < to; i++) folded += ` ${tokenKey(tokens[i]!)}`;
  return folded;
}

/** The tokens' text joined by spaces. */
function joinText(tokens: readonly Token[], from: number, to: number): string {
  let joined = tokens[from]!.text;
  for (let i = from + 1; i < to; i++) joined += ` ${tokens[i]!.text}`;
  return joined;
}

/*
 * analyzeRun runs once per capitalized run (45,000 on the benchmark corpus), so V8 compiles
 * it early, and again whenever a run takes a path it had not seen yet. Its steps are
 * separate functions so that each compile is small.
 */

/**
 * @param titledBefore a title ends right before the run ("spokesperson Dmitry Peskov")
 * @param lowercaseWords words the article also writes in lowercase: a run-initial
 *   word among them at a sentence start is a common word ("Meetings", "Agreements")
 */
export function analyzeRun(run: readonly Token[], titledBefore: boolean, lowercaseWords: ReadonlySet<string>): RunAnalysis {
  if (run.length >= 2 && run.length <= 4 && isAllCapsName(run)) {
    return { entities: [], names: [{ tokens: [...run], titled: titledBefore, givenName: true }] };
  }
  const roles: TokenRole[] = new Array<TokenRole>(run.length).fill('other');
  const entities = assignRoles(run, roles, lowercaseWords);
  matchHeadPatterns(run, roles, entities);
  return { entities, names: collectNames(run, roles, titledBefore) };
}

/** An all-caps heading that is a name ("BILL CLINTON", "GEORGE W. BUSH"): led by a given name. */
function isAllCapsName(run: readonly Token[]): boolean {
  for (let i = 0; i < run.length; i++) if (!ALL_CAPS_WORD.test(run[i]!.text)) return false;
  return GIVEN_NAME_SET.has(tokenKey(run[0]!)) && lookupPhrase(run.map((t) => t.text)) === undefined;
}

/** 1. Longest match at each position, gazetteer phrase vs. title phrase: sets `roles`, returns the gazetteer entities. */
function assignRoles(run: readonly Token[], roles: TokenRole[], lowercaseWords: ReadonlySet<string>): FixedEntity[] {
  const entities: FixedEntity[] = [];
  let words: string[] | undefined; // the run's words as written, for phrase look-ups (made when first needed)
  for (let i = 0; i < run.length; ) {
    const token = run[i]!;
    if (!token.capitalized) {
      roles[i] = 'connector';
      i++;
      continue;
    }
    let entityLength = 0;
    let entity: ReturnType<typeof lookupPhrase>;
    const key = tokenKey(token);
    // Longer phrases first; none can start on a word that starts no phrase (or title).
    for (let n = PHRASE_FIRST_WORDS.has(key) ? Math.min(MAX_PHRASE_TOKENS, run.length - i) : 0; n >= 1; n--) {
      if (!run[i + n - 1]!.capitalized) continue;
      words ??= run.map((t) => t.text);
      const hit = lookupPhrase(words.slice(i, i + n));
      if (hit) {
        entity = hit;
        entityLength = n;
        break;
      }
    }
    let titleLength = 0;
    for (let n = TITLE_FIRST_WORDS.has(key) ? Math.min(MAX_TITLE_TOKENS, run.length - i) : 0; n >= 1; n--) {
      if (TITLE_SET.has(fold(run, i, i + n))) {
        titleLength = n;
        break;
      }
    }
    if (entity && entityLength >= titleLength) {
      for (let k = i; k < i + entityLength; k++) roles[k] = 'entity';
      entities.push({ start: token.start, end: run[i + entityLength - 1]!.end, kind: entity.kind, canonical: entity.canonical, rule: 'gazetteer' });
      i += entityLength;
    } else if (titleLength > 0) {
      for (let k = i; k < i + titleLength; k++) roles[k] = 'title';
      i += titleLength;
    } else {
      if (DEMONYM_SET.has(key)) roles[i] = 'demonym';
      else if (MONTH_DAY_SET.has(key)) roles[i] = 'month';
      else if (NON_NAME_SET.has(key) || (token.initial && lowercaseWords.has(key) && !GIVEN_NAME_SET.has(key))) roles[i] = 'function';
      i++;
    }
  }
  return entities;
}

/** A role a head-word pattern may extend back over ("Kursk" in "Kursk Region", "North America" in "North America Department"). */
const extendsPattern = (role: TokenRole): boolean => role === 'other' || role === 'demonym' || role === 'entity';

/** 2. Name patterns ending in a head word: "Atlantic Council", "Kursk Region" (they replace the entities they cover). */
function matchHeadPatterns(run: readonly Token[], roles: TokenRole[], entities: FixedEntity[]): void {
  for (let i = 0; i < run.length; i++) {
    if (roles[i] !== 'other') continue;
    const key = tokenKey(run[i]!);
    const kind: EntityKind | null = ORG_HEAD_SET.has(key) ? 'organization' : PLACE_HEAD_SET.has(key) ? 'place' : null;
    if (!kind) continue;
    let from = i;
    while (from > 0 && extendsPattern(roles[from - 1]!) && !GIVEN_NAME_SET.has(tokenKey(run[from - 1]!))) from--;
    if (from === i) continue; // a bare head word ("Department") names nothing
    let to = i + 1;
    // "Ministry of Foreign Affairs": of + capitalized words that are not titles.
    if (kind === 'organization' && run[to]?.text === 'of') {
      let k = to + 1;
      while (k < run.length && (roles[k] === 'other' || roles[k] === 'entity' || roles[k] === 'demonym')) k++;
      if (k > to + 1) to = k;
    }
    // Entities swallowed by the pattern ("North America" in "North America Department") give way.
    const start = run[from]!.start;
    const end = run[to - 1]!.end;
    for (let e = entities.length - 1; e >= 0; e--) {
      if (entities[e]!.start >= start && entities[e]!.end <= end) entities.splice(e, 1);
    }
    entities.push({ start, end, kind, canonical: joinText(run, from, to), rule: kind === 'organization' ? 'org-pattern' : 'place-pattern' });
    for (let k = from; k < to; k++) roles[k] = 'entity';
    i = to - 1;
  }
}

/** 3. What is left: name candidates, split at anything that is not a name token. */
function collectNames(run: readonly Token[], roles: readonly TokenRole[], titledBefore: boolean): NameCandidate[] {
  const names: NameCandidate[] = [];
  let current: Token[] = [];
  let titleSeen = titledBefore;
  for (let i = 0; i < run.length; i++) {
    const token = run[i]!;
    const role = roles[i]!;
    if (role === 'other' && isNameShaped(token)) {
      current.push(token);
    } else if (role === 'connector' && current.length > 0 && NAME_PARTICLES.has(token.text) && !CONNECTORS.has(token.text)) {
      current.push(token);
    } else {
      titleSeen = flushName(current, titleSeen, names);
      current = [];
      if (role === 'title') titleSeen = true;
      // A place or demonym between a title and a name keeps the title ("President of Russia Vladimir Putin").
      else if (role !== 'entity' && role !== 'demonym' && role !== 'connector') titleSeen = false;
    }
  }
  flushName(current, titleSeen, names);
  return names;
}

/**
 * The name tokens gathered so far end: what they hold goes to `names`. Returns whether
 * a title still applies to the next name (a module function, not a closure: analyzeRun
 * runs for every capitalized run, and tsx names each closure it makes).
 */
function flushName(current: Token[], titleSeen: boolean, names: NameCandidate[]): boolean {
  let tokens = current;
  while (tokens.length > 0 && NAME_PARTICLES.has(tokens[tokens.length - 1]!.text)) tokens.pop();
  // "World War I. Vladimir Putin": a given name inside an unexplained run starts a new name.
  for (let k = tokens.length - 2; k >= 1; k--) {
    if (GIVEN_NAME_SET.has(tokenKey(tokens[k]!)) && !GIVEN_NAME_SET.has(tokenKey(tokens[0]!)) && !titleSeen) {
      names.push({ tokens: tokens.slice(k), titled: false, givenName: true });
      tokens = tokens.slice(0, k);
      break;
    }
  }
  if (tokens.length === 0) return titleSeen;
  const first = tokenKey(tokens[0]!);
  names.push({ tokens, titled: titleSeen, givenName: tokens.length >= 2 && GIVEN_NAME_SET.has(first) });
  return false; // a title applies to the name right after it only
}
