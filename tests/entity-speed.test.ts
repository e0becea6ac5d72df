/**
 * The speed-ups in src/extract/entity change no result: each rewritten step runs next to
 * the code it replaced (copied below as it was) or next to compromise's own, on the seed
 * sentences and on tens of thousands of random strings built from the words that matter
 * to it, and must give the same answer every time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { analyzeRun, type FixedEntity, type NameCandidate, type TokenRole } from '../src/extract/entity/classify.ts';
import { leadFits, leadOf, tagPeople } from '../src/extract/entity/compromise.ts';
import { isPersonRule, world, type MatchRule, type Term } from '../src/extract/entity/compromise-model.ts';
import { foldText } from '../src/extract/entity/fold.ts';
import {
  CITIES,
  COUNTRIES,
  DEMONYM_SET,
  DEMONYMS,
  GIVEN_NAME_SET,
  GIVEN_NAMES,
  MAX_PHRASE_TOKENS,
  MAX_TITLE_TOKENS,
  MONTH_DAY_SET,
  MONTHS_AND_DAYS,
  NON_NAME_SET,
  NON_NAME_WORDS,
  ORG_HEAD_SET,
  ORG_HEADS,
  ORGANIZATIONS,
  PHRASE_FIRST_WORDS,
  PLACE_HEAD_SET,
  PLACE_HEADS,
  REGIONS,
  TITLE_FIRST_WORDS,
  TITLE_SET,
  TITLES,
  lookupPhrase,
} from '../src/extract/entity/gazetteer.ts';
import { compromiseMayFindPerson } from '../src/extract/entity/person-cues.ts';
import { CONNECTORS, NAME_PARTICLES, capitalizedRuns, spanText, tokenKey, tokenize, type Token } from '../src/extract/entity/tokens.ts';

// ─── Random text ──────────────────────────────────────────────────────────────

let state = 11;
const random = (n: number): number => {
  state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
  return state % n;
};
const pick = <T>(list: readonly T[]): T => list[random(list.length)]!;

const sources = new URL('../sources/', import.meta.url);
const seedTexts = readdirSync(sources)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, sources), 'utf8'));
const seedLines = seedTexts.flatMap((t) => t.split('\n')).filter((line) => line.trim() !== '');
const seedWords = [...new Set(seedLines.join(' ').split(/\s+/))].filter((w) => w.length > 0);

/** Words that steer tokens and runs: abbreviations, initials, possessives, acronyms, particles, connectors, other scripts. */
const TOKEN_WORDS = [
  'Mr', 'Mr.', 'Dr.', 'St.', 'Gen.', 'Sen', 'J.', 'W.', 'U.S.', 'D.C.', 'U.N', 'G20', 'OPEC+', 'O’Brien', "O'Brien", "Trump's", 'TRUMP’S',
  "Roberts'", 'Roberts’', "Jones'", "didn't", "it's", 's', "'s", 'von', 'der', 'de', 'bin', 'al', 'van', 'of', 'the', 'to', 'and', 'for',
  'on', 'Zelenskyy', 'Erdoğan', 'Đà', 'Nẵng', 'ΣΟΦΙΑ', 'Σ', 'José', 'Müller', 'BILL', 'CLINTON', 'GEORGE', 'Ministry', 'Region', 'said',
];
/** What goes between words: spaces, punctuation, line breaks, bullets, hyphens, quotes. */
const GAPS = [' ', ' ', ' ', ' ', '  ', ', ', '. ', '.\n', '\n', '\n- ', ' - ', '-', '\u00a0', ': ', '; ', '’', "'", ' “', '” ', ' (', ') ', '', '\t', '! ', '? ', '•', ' * '];

function randomText(words: readonly string[], extra: readonly string[], gaps: readonly string[], length: number): string {
  let text = random(5) === 0 ? pick(gaps) : '';
  for (let k = 0; k < length; k++) text += (random(3) === 0 ? pick(extra) : pick(words)) + pick(gaps);
  return text;
}

// ─── tokens.ts as it was ──────────────────────────────────────────────────────

const OLD_TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*\+?/gu;
const OLD_ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Gov', 'Sen', 'Rep', 'Gen', 'Lt', 'Col', 'Prof', 'Rev', 'Sgt', 'Capt', 'Maj', 'Adm']);
const oldIsApostrophe = (c: string): boolean => c === "'" || c === '’';
const oldHasPossessiveSuffix = (word: string): boolean => oldIsApostrophe(word.charAt(word.length - 2)) && (word.endsWith('s') || word.endsWith('S'));
const oldStartsUpper = (word: string): boolean => {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^[\p{Lu}]/u.test(word);
};
const oldSingleSpace = (text: string, from: number, to: number): boolean => to - from === 1 && text.charCodeAt(from) === 32;
const oldStartsAfter = (gap: string): boolean => gap.includes('\n') || /[.!?:;]\s*["“”']?\s*$/.test(gap) || /^\s*[-•*]\s*$/.test(gap);
const OLD_GAP_BREAK_CHARS = new Set([...'\n.!?:;-•*'].map((c) => c.charCodeAt(0)));
function oldGapStartsAfter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (OLD_GAP_BREAK_CHARS.has(text.charCodeAt(i))) return oldStartsAfter(text.slice(from, to));
  return false;
}

function oldTokenize(text: string, start: number, end: number): Token[] {
  const slice = text.slice(start, end);
  const tokens: Token[] = [];
  OLD_TOKEN.lastIndex = 0;
  for (let m = OLD_TOKEN.exec(slice); m !== null; m = OLD_TOKEN.exec(slice)) {
    let word = m[0];
    let possessive = false;
    if (word.length > 2 && oldHasPossessiveSuffix(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const tokenStart = start + m.index;
    let tokenEnd = tokenStart + word.length;
    const next = text.charAt(tokenEnd);
    if (!possessive && oldIsApostrophe(next) && word.endsWith('s') && !/[\p{L}]/u.test(text.charAt(tokenEnd + 1))) possessive = true;
    if (next === '.' && (OLD_ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word))) {
      tokenEnd += 1;
      word += '.';
      OLD_TOKEN.lastIndex += 1;
    }
    const previous = tokens[tokens.length - 1];
    tokens.push({
      index: tokens.length,
      start: tokenStart,
      end: tokenEnd,
      text: word,
      capitalized: oldStartsUpper(word),
      possessive,
      initial: previous === undefined || (!oldSingleSpace(text, previous.end, tokenStart) && oldGapStartsAfter(text, previous.end, tokenStart)),
      folded: undefined,
    });
  }
  return tokens;
}

function oldSingleGap(text: string, from: number, to: number, c?: string): boolean {
  if (to - from !== 1) return false;
  const gap = text.charAt(from);
  return c === undefined ? gap === ' ' || gap === '\u00a0' : gap === c;
}

function oldCapitalizedRuns(tokens: readonly Token[], text: string): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  const endRun = (): void => {
    while (current.length > 0 && !current[current.length - 1]!.capitalized) current.pop();
    if (current.length > 0) runs.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = current[current.length - 1];
    const joined =
      previous !== undefined &&
      !previous.possessive &&
      (oldSingleGap(text, previous.end, token.start) || (oldSingleGap(text, previous.end, token.start, '-') && NAME_PARTICLES.has(previous.text)));
    if (!joined) endRun();
    if (token.capitalized) current.push(token);
    else if (current.length > 0 && (CONNECTORS.has(token.text) || NAME_PARTICLES.has(token.text))) {
      const next = tokens[i + 1];
      if (next && (oldSingleGap(text, token.end, next.start) || (NAME_PARTICLES.has(token.text) && oldSingleGap(text, token.end, next.start, '-')))) current.push(token);
      else endRun();
    } else endRun();
  }
  endRun();
  return runs;
}

const oldSpanText = (tokens: readonly Token[], text: string): string =>
  text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\p{Lu}{2,}/gu, (word) => word.charAt(0) + word.slice(1).toLowerCase());

// ─── classify.ts's analyzeRun as it was ───────────────────────────────────────

const OLD_ALL_CAPS_WORD = /^\p{Lu}(?:[\p{Lu}'’-]+|\.)$/u;
const OLD_NAME_SHAPE = /^(?:\p{Lu}[\p{Ll}\p{M}]+(?:['’]?\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}\.)$/u;
function oldIsNameShaped(token: Token): boolean {
  const key = tokenKey(token);
  return OLD_NAME_SHAPE.test(token.text) && !NON_NAME_SET.has(key) && !MONTH_DAY_SET.has(key) && !DEMONYM_SET.has(key);
}
const oldFold = (tokens: readonly Token[]): string => tokens.map(tokenKey).join(' ');

function oldFlushName(current: Token[], titleSeen: boolean, names: NameCandidate[]): boolean {
  let tokens = current;
  while (tokens.length > 0 && NAME_PARTICLES.has(tokens[tokens.length - 1]!.text)) tokens.pop();
  for (let k = tokens.length - 2; k >= 1; k--) {
    if (GIVEN_NAME_SET.has(tokenKey(tokens[k]!)) && !GIVEN_NAME_SET.has(tokenKey(tokens[0]!)) && !titleSeen) {
      names.push({ tokens: tokens.slice(k), titled: false, givenName: true });
      tokens = tokens.slice(0, k);
      break;
    }
  }
  if (tokens.length === 0) return titleSeen;
  names.push({ tokens, titled: titleSeen, givenName: tokens.length >= 2 && GIVEN_NAME_SET.has(tokenKey(tokens[0]!)) });
  return false;
}

function oldAnalyzeRun(run: readonly Token[], titledBefore: boolean, lowercaseWords: ReadonlySet<string>): { entities: FixedEntity[]; names: NameCandidate[] } {
  if (
    run.length >= 2 &&
    run.length <= 4 &&
    run.every((t) => OLD_ALL_CAPS_WORD.test(t.text)) &&
    GIVEN_NAME_SET.has(tokenKey(run[0]!)) &&
    lookupPhrase(run.map((t) => t.text)) === undefined
  ) {
    return { entities: [], names: [{ tokens: [...run], titled: titledBefore, givenName: true }] };
  }
  const roles: TokenRole[] = new Array<TokenRole>(run.length).fill('other');
  const entities: FixedEntity[] = [];
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
    for (let n = PHRASE_FIRST_WORDS.has(key) ? Math.min(MAX_PHRASE_TOKENS, run.length - i) : 0; n >= 1; n--) {
      if (!run[i + n - 1]!.capitalized) continue;
      const hit = lookupPhrase(run.slice(i, i + n).map((t) => t.text));
      if (hit) {
        entity = hit;
        entityLength = n;
        break;
      }
    }
    let titleLength = 0;
    for (let n = TITLE_FIRST_WORDS.has(key) ? Math.min(MAX_TITLE_TOKENS, run.length - i) : 0; n >= 1; n--) {
      if (TITLE_SET.has(oldFold(run.slice(i, i + n)))) {
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
  for (let i = 0; i < run.length; i++) {
    if (roles[i] !== 'other') continue;
    const key = tokenKey(run[i]!);
    const kind = ORG_HEAD_SET.has(key) ? 'organization' : PLACE_HEAD_SET.has(key) ? 'place' : null;
    if (!kind) continue;
    let from = i;
    while (from > 0 && ['other', 'demonym', 'entity'].includes(roles[from - 1]!) && !GIVEN_NAME_SET.has(tokenKey(run[from - 1]!))) from--;
    if (from === i) continue;
    let to = i + 1;
    if (kind === 'organization' && run[to]?.text === 'of') {
      let k = to + 1;
      while (k < run.length && (roles[k] === 'other' || roles[k] === 'entity' || roles[k] === 'demonym')) k++;
      if (k > to + 1) to = k;
    }
    const start = run[from]!.start;
    const end = run[to - 1]!.end;
    for (let e = entities.length - 1; e >= 0; e--) {
      if (entities[e]!.start >= start && entities[e]!.end <= end) entities.splice(e, 1);
    }
    const surface = run.slice(from, to).map((t) => t.text).join(' ');
    entities.push({ start, end, kind, canonical: surface, rule: kind === 'organization' ? 'org-pattern' : 'place-pattern' });
    for (let k = from; k < to; k++) roles[k] = 'entity';
    i = to - 1;
  }
  const names: NameCandidate[] = [];
  let current: Token[] = [];
  let titleSeen = titledBefore;
  for (let i = 0; i < run.length; i++) {
    const token = run[i]!;
    const role = roles[i]!;
    if (role === 'other' && oldIsNameShaped(token)) current.push(token);
    else if (role === 'connector' && current.length > 0 && NAME_PARTICLES.has(token.text) && !CONNECTORS.has(token.text)) current.push(token);
    else {
      titleSeen = oldFlushName(current, titleSeen, names);
      current = [];
      if (role === 'title') titleSeen = true;
      else if (role !== 'entity' && role !== 'demonym' && role !== 'connector') titleSeen = false;
    }
  }
  oldFlushName(current, titleSeen, names);
  return { entities, names };
}

// ─── The comparisons ──────────────────────────────────────────────────────────

/** Tokens and runs as plain data (token objects carry a lazily filled fold). */
const tokensOf = (tokens: readonly Token[]): string =>
  JSON.stringify(tokens.map((t) => [t.index, t.start, t.end, t.text, t.capitalized, t.possessive, t.initial]));
const runsOf = (runs: readonly Token[][]): string => JSON.stringify(runs.map((run) => run.map((t) => t.index)));
const analysisOf = (a: { entities: FixedEntity[]; names: NameCandidate[] }): string =>
  JSON.stringify({ entities: a.entities, names: a.names.map((n) => [n.tokens.map((t) => t.index), n.titled, n.givenName]) });

describe('tokens and capitalized runs: same as before the rewrite', () => {
  const texts = [...seedLines];
  for (let i = 0; i < 30_000; i++) texts.push(randomText(seedWords, TOKEN_WORDS, GAPS, 1 + random(12)));

  it(`on the seed lines and ${texts.length - seedLines.length} random strings`, () => {
    let runs = 0;
    for (const text of texts) {
      // a sentence cut out of a longer text, as extraction does
      const start = text.length > 4 && random(3) === 0 ? 1 + random(3) : 0;
      const end = text.length - (random(4) === 0 ? random(3) : 0);
      const before = oldTokenize(text, start, end);
      const after = tokenize(text, start, end);
      expect(tokensOf(after), text).toBe(tokensOf(before));
      const oldRuns = oldCapitalizedRuns(before, text);
      expect(runsOf(capitalizedRuns(after, text)), text).toBe(runsOf(oldRuns));
      for (const run of oldRuns) expect(spanText(run, text)).toBe(oldSpanText(run, text));
      runs += oldRuns.length;
    }
    expect(runs).toBeGreaterThan(40_000);
  });
});

describe('analyzeRun: same as before it was split into steps', () => {
  const lists = [COUNTRIES, CITIES, REGIONS, ORGANIZATIONS, TITLES, DEMONYMS, ORG_HEADS, PLACE_HEADS, MONTHS_AND_DAYS, NON_NAME_WORDS, GIVEN_NAMES];
  const gazetteerWords = [...new Set(lists.flat().flatMap((phrase) => phrase.split(/\s+/)))];
  const shouted = gazetteerWords.slice(0, 400).map((w) => w.toUpperCase());
  const extra = [...TOKEN_WORDS, ...shouted, 'of', 'the', 'von', 'der', 'al', 'bin', 'Vladimir', 'Putin', 'Ministry', 'Foreign', 'Affairs'];
  const lowerGaps = [' ', ' ', ' ', ' ', ', ', '. ', '\n', '-', ' of ', ' the '];

  it('on the seed lines and 20,000 random strings of gazetteer words', () => {
    const texts = [...seedLines];
    for (let i = 0; i < 20_000; i++) texts.push(randomText(gazetteerWords, extra, lowerGaps, 1 + random(9)));
    let compared = 0;
    for (const text of texts) {
      // "words written in lowercase": some of the text's own words, lowercased
      const lowercaseWords = new Set(text.split(/\W+/).filter(() => random(2) === 0).map((w) => foldText(w)));
      const before = oldCapitalizedRuns(oldTokenize(text, 0, text.length), text);
      const after = capitalizedRuns(tokenize(text, 0, text.length), text);
      for (let r = 0; r < before.length; r++) {
        const titled = random(4) === 0;
        expect(analysisOf(analyzeRun(after[r]!, titled, lowercaseWords)), text).toBe(analysisOf(oldAnalyzeRun(before[r]!, titled, lowercaseWords)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30_000);
  });
});

describe("compromiseMayFindPerson, word by word with an early stop: the same verdict", () => {
  // A list holds a cue exactly when one of its words does, or a short stretch of it
  // holds a multi-word lexicon person ("doctor who").
  const words = [...seedWords, 'doctor', 'who', 'Doctor', 'Who', 'bill', 'gates', 'Bill', 'Gates', 'sister', 'will', 'Will', 'de', 'J.', 'Kovalenko'];
  it('on 30,000 random word lists', () => {
    let yes = 0;
    for (let i = 0; i < 30_000; i++) {
      const list = Array.from({ length: 1 + random(8) }, () => pick(words));
      const stretches: string[][] = [];
      for (let a = 0; a < list.length; a++) for (let b = a + 1; b <= Math.min(list.length, a + 6); b++) stretches.push(list.slice(a, b));
      const expected = stretches.some((s) => compromiseMayFindPerson(s));
      const got = compromiseMayFindPerson(list);
      expect(got, list.join(' ')).toBe(expected);
      if (got) yes++;
    }
    expect(yes).toBeGreaterThan(3000);
    expect(yes).toBeLessThan(27_000);
  });
});

describe("the person sweep's lead check never drops a match compromise would find", () => {
  const w = world()!;
  const copies: MatchRule[] = w.model.two.matches.filter(isPersonRule).map((m) => ({ ...m, notIf: undefined }));
  const net = w.methods.one.buildNet(copies, w) as { hooks: Record<string, object[]>; always: object[] };
  const rules = [...new Set([...Object.values(net.hooks).flat(), ...net.always])] as { match: string; regs: unknown }[];
  const withLead = rules.map((rule) => ({ rule, lead: leadOf(rule.regs) })).filter((r) => r.lead.length > 0);

  // Words compromise tags as names, titles and verbs, contractions, possessives, initials.
  const lexicon = w.model.one.lexicon as Record<string, unknown>;
  const named = Object.keys(lexicon).filter((k) => !k.includes(' ') && /Name|Honorific|Person/.test(String(lexicon[k])));
  const people = named.filter((_, i) => i % 7 === 0).map((k) => k.charAt(0).toUpperCase() + k.slice(1));
  const extra = [...people, 'said', 'says', 'told', 'will', 'Will', "didn't", "he's", "we've", "Trump's", 'J.', 'K.', 'jr', 'Dr.', 'Mrs', 'sister', 'Captain', 'King', 'the', 'a', 'de', 'van', 'al', 'bin', 'II', 'NASA'];
  const texts = [...seedLines];
  for (let i = 0; i < 1500; i++) texts.push(randomText(seedWords, extra, [' ', ' ', ' ', ', ', '. ', '; ', ' and '], 2 + random(16)));

  it(`on the seed lines and 1,500 random strings: ${withLead.length} rules with a lead`, () => {
    expect(withLead.length).toBeGreaterThan(10);
    let skipped = 0;
    const dropped: string[] = [];
    for (const text of texts) {
      const docs = (nlp(text) as unknown as { docs: Term[][] }).docs;
      for (const sentence of [...docs, ...w.methods.two.quickSplit(docs)]) {
        for (const { rule, lead } of withLead) {
          if (leadFits(sentence, lead)) continue;
          skipped++;
          if (w.methods.one.match!([sentence], rule).ptrs.length > 0) dropped.push(`${rule.match} in "${text}"`);
        }
      }
    }
    expect(dropped).toEqual([]);
    expect(skipped).toBeGreaterThan(100_000); // 157,461: not vacuous
  });

  it('and the sweep tags as compromise\'s own View.sweep on them', () => {
    const tagsOf = (text: string, ownSweep: boolean): string =>
      tagPeople(text, false, ownSweep)
        .map((terms) => terms.map((t) => `${t.text}/${[...t.tags].join(',')}`).join(' '))
        .join('\n');
    const differ = texts.filter((text) => tagsOf(text, true) !== tagsOf(text, false));
    expect(differ).toEqual([]);
    expect(texts.filter((text) => /Person/.test(tagsOf(text, true))).length).toBeGreaterThan(1000); // 1,472
  });
});
