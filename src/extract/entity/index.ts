/**
 * Entity extraction (people, places, organizations) and name resolution.
 *
 * Ordered rules, chrono-style, each mention tagged with the rule that made it:
 *   1. capitalized runs per sentence (tokens.ts)
 *   2. gazetteer phrases, titles, demonyms, "X Ministry"/"X Region" patterns (classify.ts)
 *   3. person candidates accepted by a title ("title-pattern"), a common given name
 *      ("given-name"), the alias table ("alias"), a full name seen in the article
 *      ("surname-link"), or — only for what is still unexplained — compromise
 *      ("compromise", see compromise.ts), which reads a ±3-word window around a
 *      candidate (all windows of the article batched in one call). It is asked about
 *      full names first; a bare surname a confirmed full name now explains, or a single
 *      word that could not stand as a name anyway, is not asked about. Each distinct
 *      name is asked about once per article: in its first three windows, or only the
 *      first when compromise's lexicon knows none of its words as a name. A window in
 *      which compromise could not tag anyone (no name, title or pattern word of its own,
 *      person-cues.ts) is answered no without running it: 63% of them on the benchmark corpus.
 *   4. values: full names canonicalized through the alias table; bare surnames
 *      linked to the article's full name with that surname.
 * `resolveAcrossArticles` then links names across articles.
 *
 * compromise is used as a yes/no vote on our own candidates, never for spans: its
 * spans glue on titles and places ("east steven witkoff") and junk ("January,"), while
 * our candidates are already clipped to name-shaped tokens.
 *
 * Speed, the benchmark corpus (1,139 ECB+/GVC/seed articles, 2.2 MB), extractEntities alone, CPU
 * time, min of 6 rounds, old and new interleaved in one process (2 shared cores, load ~9):
 *   a vote per candidate occurrence, full nlp() minus chunker              6.5 ms/article
 *   per name, full names first, person-only compromise tagger              2.3 ms/article
 *   now: windows compromise cannot find a person in not sent, each token
 *        folded once, phrase/title look-ups only from words that start one  1.2 ms/article
 *   'never' (no compromise: this folder's own work)                  0.8 → 0.4 ms/article
 * (same mentions on all 1,139 articles), so ~60% of what is left is compromise's
 * tokenizer, pre-tagger and sweep on 26,600 words of windows. On the seeds,
 * tests/entity-eval.test.ts prints 'never' / 'filtered' / 'always' (full nlp() on
 * every sentence) ms per article.
 * Cold — one pass in a fresh process, as the CLI runs — costs about 2.5× warm on this
 * 2-core machine, mostly V8 compiling on its background threads (1.9 of 4.2 s before
 * this round: big functions, compiled again each time one takes a path it had not seen),
 * the rest code not yet optimized. Hence the passes as small module functions (no
 * per-article closures), plain indexed loops, regexes as module constants (tsx and
 * esbuild turn a literal with `\p{…}` outside brackets into a `new RegExp` built on every
 * call), character codes rather than one-character strings, and compromise's matcher
 * run only where a rule's leading tags can fit (compromise.ts).
 * Against the code before that, same mentions (extractEntities alone, the benchmark
 * corpus, old and new alternated): cold 4.18 → 3.45 s CPU (medians of 10 process
 * pairs; −12% as the median of the pairs' ratios; main thread −12%, compile and GC
 * threads −16%), warm −22% (one process, 9 alternating rounds).
 * Versus the per-occurrence vote, on the benchmark corpus: +121 / −27 entity mentions, mostly
 * real people now found in every mention (Gigante, Nixon, Obama, Couture, Salerno),
 * some noise (Palmer the town, Mat Maid, Ford Crown Victoria) and some junk gone
 * (Vice, Interoute, Intel, Calif); the seed scores are unchanged.
 */
import stringSimilarity from 'string-similarity';
import type { Article, Mention, Sentence } from '../../types.ts';
import { canonicalName, lookupAlias, lookupSurname } from './aliases.ts';
import { analyzeRun, type NameCandidate } from './classify.ts';
import { compromiseSaysPerson, lexiconMayBePerson, type PersonQuestion, type Span } from './compromise.ts';
import { foldText, nameKey, wordKey } from './fold.ts';
import { GIVEN_NAME_SET, MAX_TITLE_TOKENS, TITLE_LAST_WORDS, TITLE_SET } from './gazetteer.ts';
import { capitalizedRuns, spanText, tokenize, tokenKey, type Token } from './tokens.ts';

export { canonicalName } from './aliases.ts';

export type CompromiseMode = 'filtered' | 'always' | 'never';

export interface EntityOptions {
  /** When to ask compromise about people: only unexplained candidates (default), always, or never. */
  compromise?: CompromiseMode;
}

const ENTITY_KINDS: ReadonlySet<string> = new Set(['person', 'place', 'organization']);

/**
 * A title right before a run: "spokesperson Dmitry Peskov", "the Russian president,
 * Dmitry Peskov". Checks the up-to-four tokens before the run, joined by spaces only
 * (a comma allowed just before the name).
 */
function titleBefore(tokens: readonly Token[], first: Token, text: string): boolean {
  const before = tokens[first.index - 1];
  if (!before || !TITLE_LAST_WORDS.has(tokenKey(before))) return false; // most runs: no title can end here
  const words: string[] = [];
  let next = first;
  for (let i = first.index - 1; i >= 0 && words.length < MAX_TITLE_TOKENS; i--) {
    const gap = text.slice(tokens[i]!.end, next.start);
    if (!(words.length === 0 ? /^,?\s+$/ : /^\s+$/).test(gap)) break;
    words.unshift(tokenKey(tokens[i]!));
    if (TITLE_SET.has(words.join(' '))) return true;
    next = tokens[i]!;
  }
  return false;
}

/** Per non-ASCII code point: bit 1 a lowercase letter (\p{Ll}), bit 2 a letter or mark (\p{L}, \p{M}), bit 4 \p{Ll} or \p{M}. */
const LOWER = 1;
const LETTER_OR_MARK = 2;
const LOWER_OR_MARK = 4;
const nonAsciiClasses = new Map<number, number>();
function classesOf(codePoint: number): number {
  if (codePoint < 128) {
    if (codePoint >= 97 && codePoint <= 122) return LOWER | LETTER_OR_MARK | LOWER_OR_MARK;
    return codePoint >= 65 && codePoint <= 90 ? LETTER_OR_MARK : 0;
  }
  let classes = nonAsciiClasses.get(codePoint);
  if (classes === undefined) {
    const c = String.fromCodePoint(codePoint);
    classes = (/\p{Ll}/u.test(c) ? LOWER : 0) | (/[\p{L}\p{M}]/u.test(c) ? LETTER_OR_MARK : 0) | (/[\p{Ll}\p{M}]/u.test(c) ? LOWER_OR_MARK : 0);
    nonAsciiClasses.set(codePoint, classes);
  }
  return classes;
}

interface Candidate extends NameCandidate {
  sentence: number;
  /** Its sentence's tokens: the window compromise reads is cut from them when it is asked (`questionOf`). */
  sentenceTokens: Token[];
  /** Confirmed as a person by compromise. */
  compromise: boolean;
  /** Accepted without compromise: titled, led by a given name, or a person in the alias table. */
  cheap: boolean;
  /** The name as displayed (`spanText`), made once: most rules below read it. */
  surface: string;
}

/**
 * Words the article writes in lowercase somewhere (so a capitalized one may be a sentence
 * start): each match of /(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]* /gu, found by one pass
 * over the code points (a third of the regex's CPU: most words are lowercase).
 */
function lowercaseVocabulary(text: string): Set<string> {
  const words = new Set<string>();
  let afterLetter = false; // the previous code point is a letter or mark
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    const classes = classesOf(c);
    if (!afterLetter && classes & LOWER) {
      let end = i + (c > 0xffff ? 2 : 1);
      while (end < text.length) {
        const d = text.codePointAt(end)!;
        if (!(classesOf(d) & LOWER_OR_MARK)) break;
        end += d > 0xffff ? 2 : 1;
      }
      words.add(text.slice(i, end));
      i = end;
      afterLetter = true;
      continue;
    }
    afterLetter = (classes & LETTER_OR_MARK) !== 0;
    i += c > 0xffff ? 2 : 1;
  }
  return words;
}

const lastWordKey = (name: string): string => wordKey(name.split(' ').pop() ?? name);

/** Pick the most frequent value, ties broken alphabetically. */
function mostFrequent(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function addCount(index: Map<string, Map<string, number>>, key: string, value: string): void {
  const counts = index.get(key) ?? new Map<string, number>();
  counts.set(value, (counts.get(value) ?? 0) + 1);
  index.set(key, counts);
}

/**
 * Words of context on each side of a candidate that compromise gets to read: enough
 * for its title and given-name cues ("told reporters", "President of"), and far
 * cheaper than a whole sentence (some live-blog "sentences" are paragraphs). On
 * the benchmark corpus, 3 instead of 4 changes 7 of 14,693 votes for ~25% less compromise time
 * (2 would change 23: some titles dropped, as much junk gained — "Central Mat", "Tardis").
 */
const CONTEXT_TOKENS = 3;

/**
 * Every token is a word the article also writes in lowercase ("Summit", "Cold War",
 * "White Home", "Pages"): a heading or a capitalized phrase, not a name. Cheap, and
 * it keeps those sentences away from compromise.
 */
function ordinaryWords(tokens: readonly Token[], lowercaseWords: ReadonlySet<string>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i]!.text.toLowerCase();
    if (!(lowercaseWords.has(lower) || lowercaseWords.has(`${lower}s`) || (lower.endsWith('s') && lowercaseWords.has(lower.slice(0, -1))))) return false;
  }
  return true;
}

/** A name is asked about in its first few windows; one "yes" makes it a person in the whole article. */
const WINDOWS_PER_NAME = 3;

/**
 * How many of a name's windows compromise reads. A name none of whose words its
 * lexicon lists as a name is voted a person in under 5% of questions on the benchmark corpus
 * (lone words: 150 of 8,323, half of them junk like "Vice", "Calif"), and more looks
 * mostly add junk ("Michigan", "Interoute"): one window. Otherwise WINDOWS_PER_NAME.
 */
function windowsFor(c: Candidate): number {
  for (let i = 0; i < c.tokens.length; i++) if (lexiconMayBePerson(c.tokens[i]!.text)) return WINDOWS_PER_NAME;
  return 1;
}

const nameSpan = (c: Candidate): Span => ({ start: c.tokens[0]!.start, end: c.tokens[c.tokens.length - 1]!.end });

/** The question for compromise about one candidate: its name inside CONTEXT_TOKENS words either side, as written. */
function questionOf(c: Candidate): PersonQuestion {
  const tokens = c.sentenceTokens;
  const from = Math.max(0, c.tokens[0]!.index - CONTEXT_TOKENS);
  const to = Math.min(tokens.length, c.tokens[c.tokens.length - 1]!.index + CONTEXT_TOKENS + 1);
  const words: string[] = [];
  for (let i = from; i < to; i++) words.push(tokens[i]!.text);
  return { window: { start: tokens[from]!.start, end: tokens[to - 1]!.end }, words, target: nameSpan(c) };
}

/**
 * compromise's vote on each candidate, asked once per distinct name in the article:
 * in the windows of its first WINDOWS_PER_NAME mentions, and a "yes" in any of them
 * holds for all its mentions (a name is a person or not throughout one article; one
 * window alone missed e.g. "Nixon", "Obama" where their first context is unclear).
 * Never across articles, so results do not depend on which articles run together.
 */
function askOncePerName(text: string, candidates: readonly Candidate[], windowsOf: (c: Candidate) => number): void {
  if (candidates.length === 0) return;
  const byName = new Map<string, Candidate[]>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const name = text.slice(c.tokens[0]!.start, c.tokens[c.tokens.length - 1]!.end);
    const same = byName.get(name);
    if (same) same.push(c);
    else byName.set(name, [c]);
  }
  const groups = [...byName.values()];
  const questions: PersonQuestion[] = [];
  const groupOf: number[] = []; // per question, its name's group
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const asked = Math.min(g.length, windowsOf(g[0]!));
    for (let k = 0; k < asked; k++) {
      questions.push(questionOf(g[k]!));
      groupOf.push(i);
    }
  }
  const answers = compromiseSaysPerson(text, questions);
  const yes = new Array<boolean>(groups.length).fill(false);
  for (let k = 0; k < answers.length; k++) if (answers[k]) yes[groupOf[k]!] = true;
  for (let i = 0; i < groups.length; i++) for (const c of groups[i]!) c.compromise = yes[i]!;
}

function plausibleSingleName(token: Token, text: string, lowercaseWords: ReadonlySet<string>): boolean {
  const lower = token.text.toLowerCase();
  return (
    !token.text.endsWith('.') &&
    text.charAt(token.end) !== '-' &&
    text.charAt(token.start - 1) !== '-' &&
    !lowercaseWords.has(lower) &&
    !lowercaseWords.has(`${lower}s`)
  );
}

/**
 * The article's surnames: full names accepted so far, indexed by surname (`add`), and
 * whether a word is a surname the article or the alias table knows (`known`, its
 * key and listing remembered per word). A class, not closures in `extractEntities`:
 * module-level code is compiled once, closures are made (and told apart) per article.
 */
class ArticleSurnames {
  private readonly index = new Map<string, Map<string, number>>();
  private readonly keys = new Map<string, { key: string; listed: boolean }>();

  /** A full name joins the index under its last word. */
  add(c: Candidate): void {
    if (c.tokens.length >= 2) addCount(this.index, lastWordKey(c.surface), canonicalName(c.surface));
  }

  known(token: Token): boolean {
    let known = this.keys.get(token.text);
    if (!known) {
      known = { key: wordKey(token.text), listed: lookupSurname(token.text) !== undefined };
      this.keys.set(token.text, known);
    }
    return known.listed || this.index.has(known.key);
  }

  allKnown(tokens: readonly Token[]): boolean {
    for (let i = 0; i < tokens.length; i++) if (!this.known(tokens[i]!)) return false;
    return true;
  }

  /** Accepted without compromise, or every word a known surname. */
  explained(c: Candidate): boolean {
    return c.cheap || this.allKnown(c.tokens);
  }

  /** The full name a bare surname stands for: the article's own (most frequent), else the alias table's. */
  link(surname: string): { value: string; rule: 'surname-link' | 'alias' } | null {
    const inArticle = this.index.get(wordKey(surname));
    if (inArticle) return { value: mostFrequent(inArticle)!, rule: 'surname-link' };
    const alias = lookupSurname(surname);
    return alias ? { value: alias.canonical, rule: 'alias' } : null;
  }
}

/** Pass 1 on one sentence: its runs' fixed entities go to `mentions`, its name candidates to `candidates`. */
function readSentence(article: Article, sentence: Sentence, lowercaseWords: ReadonlySet<string>, mentions: Mention[], candidates: Candidate[]): void {
  const text = article.text;
  const tokens = tokenize(text, sentence.start, sentence.end);
  const runs = capitalizedRuns(tokens, text);
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const analysis = analyzeRun(run, titleBefore(tokens, run[0]!, text), lowercaseWords);
    for (let k = 0; k < analysis.entities.length; k++) {
      const e = analysis.entities[k]!;
      mentions.push({ source: article.id, kind: e.kind, start: e.start, end: e.end, text: text.slice(e.start, e.end), value: e.canonical, sentence: sentence.index, rule: e.rule });
    }
    for (let k = 0; k < analysis.names.length; k++) {
      const name = analysis.names[k]!;
      const surface = spanText(name.tokens, text);
      const cheap = name.titled || name.givenName || (name.tokens.length >= 2 && lookupAlias(surface)?.kind === 'person');
      candidates.push({ tokens: name.tokens, titled: name.titled, givenName: name.givenName, sentence: sentence.index, sentenceTokens: tokens, compromise: false, cheap, surface });
    }
  }
}

/**
 * Pass 2 ('filtered'): compromise only on what is still unexplained, full names first:
 * those it confirms join the surname index, and a bare surname they explain
 * ("Hansbrough" after "Tyler Hansbrough") needs no vote. A single word's vote only
 * counts when nothing links it and it could be a name on its own; compromise reads one
 * window of it when its lexicon does not list the word as a name, up to three when it
 * does (see askOncePerName).
 */
function askCompromise(text: string, candidates: readonly Candidate[], surnames: ArticleSurnames, lowercaseWords: ReadonlySet<string>): void {
  const pending: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (!(surnames.explained(c) || ordinaryWords(c.tokens, lowercaseWords))) pending.push(c);
  }
  askOncePerName(text, pending.filter((c) => c.tokens.length >= 2), windowsFor);
  for (let i = 0; i < pending.length; i++) {
    const c = pending[i]!;
    if (c.compromise && !surnames.explained(c)) surnames.add(c);
  }
  const singles: Candidate[] = [];
  for (let i = 0; i < pending.length; i++) {
    const c = pending[i]!;
    if (c.tokens.length === 1 && !surnames.allKnown(c.tokens) && plausibleSingleName(c.tokens[0]!, text, lowercaseWords)) singles.push(c);
  }
  askOncePerName(text, singles, windowsFor);
}

/** Pass 2 ('always'): compromise's full nlp() on every sentence whole (the naive baseline, kept for measuring). */
function askCompromiseEverywhere(text: string, sentences: readonly Sentence[], candidates: readonly Candidate[], surnames: ArticleSurnames, lowercaseWords: ReadonlySet<string>): void {
  for (const s of sentences) {
    const whole = { start: s.start, end: s.end };
    const inSentence = candidates.filter((c) => c.sentence === s.index);
    const answers = compromiseSaysPerson(text, inSentence.map((c) => ({ window: whole, target: nameSpan(c) })), true);
    inSentence.forEach((c, i) => (c.compromise = answers[i]! && !ordinaryWords(c.tokens, lowercaseWords)));
  }
  for (const c of candidates) if (c.compromise && !surnames.explained(c)) surnames.add(c);
}

function pushPerson(mentions: Mention[], article: Article, tokens: readonly Token[], sentence: number, value: string, rule: string): void {
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  mentions.push({ source: article.id, kind: 'person', start, end, text: article.text.slice(start, end), value, sentence, rule });
}

const ENDS_WITH_DOT = /\.$/;

/** Pass 3 on one candidate: whether it is a person, with which value and by which rule. */
function decidePerson(c: Candidate, article: Article, surnames: ArticleSurnames, lowercaseWords: ReadonlySet<string>, mentions: Mention[]): void {
  const surface = c.surface;
  if (c.tokens.length === 1) {
    const link = surnames.link(surface);
    if (link) pushPerson(mentions, article, c.tokens, c.sentence, link.value, c.titled ? 'title-pattern' : link.rule);
    else if (c.titled && !ENDS_WITH_DOT.test(surface) && !GIVEN_NAME_SET.has(foldText(surface))) pushPerson(mentions, article, c.tokens, c.sentence, surface, 'title-pattern');
    else if (c.compromise && plausibleSingleName(c.tokens[0]!, article.text, lowercaseWords)) pushPerson(mentions, article, c.tokens, c.sentence, surface, 'compromise');
    return;
  }
  // "Trump Putin call": two known surnames side by side, not one person.
  if (!c.givenName && !c.titled && surnames.allKnown(c.tokens)) {
    for (const token of c.tokens) {
      const link = surnames.link(token.text)!;
      pushPerson(mentions, article, [token], c.sentence, link.value, link.rule);
    }
    return;
  }
  const alias = lookupAlias(surface);
  const rule = c.titled ? 'title-pattern' : c.givenName ? 'given-name' : alias?.kind === 'person' ? 'alias' : c.compromise ? 'compromise' : null;
  if (rule) pushPerson(mentions, article, c.tokens, c.sentence, canonicalName(surface), rule);
}

const byPosition = (a: Mention, b: Mention): number => a.start - b.start || a.end - b.end;

export function extractEntities(article: Article, sentences: readonly Sentence[], options: EntityOptions = {}): Mention[] {
  const mode = options.compromise ?? 'filtered';
  const lowercaseWords = lowercaseVocabulary(article.text.slice(article.body.start, article.body.end));
  const mentions: Mention[] = [];
  const candidates: Candidate[] = [];
  // Pass 1: runs, fixed entities, name candidates.
  for (let i = 0; i < sentences.length; i++) readSentence(article, sentences[i]!, lowercaseWords, mentions, candidates);
  // Full names the cheap rules already accept: the article's surname index.
  const surnames = new ArticleSurnames();
  for (let i = 0; i < candidates.length; i++) if (candidates[i]!.cheap) surnames.add(candidates[i]!);
  // Pass 2: compromise.
  if (mode === 'filtered') askCompromise(article.text, candidates, surnames, lowercaseWords);
  else if (mode === 'always') askCompromiseEverywhere(article.text, sentences, candidates, surnames, lowercaseWords);
  // Pass 3: decide persons and their values.
  for (let i = 0; i < candidates.length; i++) decidePerson(candidates[i]!, article, surnames, lowercaseWords, mentions);
  return mentions.sort(byPosition);
}

// ─── Across articles ──────────────────────────────────────────────────────────

/**
 * Near spellings of one surname with the same first name are the same person
 * ("Peskov"/"Peskow"). Dice on lowercased, folded surnames; 0.8 is above what
 * different names reach (Iran/Iraq 0.67) and the transliteration folding already
 * handles the common endings (Zelenskiy/Zelenskyy would only score 0.75).
 */
const SAME_SURNAME_DICE = 0.8;

/**
 * Whether two strings' Dice score (string-similarity: bigrams, spaces dropped) can
 * reach SAME_SURNAME_DICE at all: shared bigrams are at most the shorter string's
 * count, so very different lengths cannot. Skips most comparisons, same results.
 */
function diceCanReach(a: string, b: string): boolean {
  const na = a.replace(/\s+/g, '').length - 1;
  const nb = b.replace(/\s+/g, '').length - 1;
  if (na < 1 || nb < 1) return true; // compareTwoStrings' own special cases
  return 2 * Math.min(na, nb) >= SAME_SURNAME_DICE * (na + nb);
}

interface NameCluster {
  forms: Map<string, number>; // full-name value → mentions
  canonical: string;
  total: number;
}

/**
 * Link person names across articles: variants of one full name ("Volodymyr
 * Zelenskiy", "Volodymyr Zelenskyy") get one canonical spelling — the alias table's
 * if listed, else the most frequent form, ties alphabetical — and a bare surname
 * ("Zelensky") takes the full name of the most-mentioned person with that surname
 * in any article. Places and organizations pass through. Returns new arrays.
 */
export function resolveAcrossArticles(perArticle: Mention[][]): Mention[][] {
  const isPerson = (m: Mention): boolean => m.kind === 'person' && typeof m.value === 'string';
  const fullForms = new Map<string, number>();
  for (const mentions of perArticle) {
    for (const m of mentions) {
      if (isPerson(m) && (m.value as string).includes(' ')) fullForms.set(m.value as string, (fullForms.get(m.value as string) ?? 0) + 1);
    }
  }

  // Union-find over distinct full forms: same transliteration key, or same first name + near surname.
  const forms = [...fullForms.keys()].sort();
  const parent = new Map<string, string>(forms.map((f) => [f, f]));
  const find = (f: string): string => {
    let root = f;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(f, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const byKey = new Map<string, string>();
  const byFirst = new Map<string, { form: string; surname: string }[]>();
  for (const form of forms) {
    const aliasCanonical = lookupAlias(form)?.canonical;
    const key = nameKey(aliasCanonical ?? form);
    const seen = byKey.get(key);
    if (seen) union(seen, form);
    else byKey.set(key, form);
    const words = nameKey(form).split(' ');
    const first = words[0]!;
    const surname = foldText(form.split(' ').pop()!);
    const sameFirst = byFirst.get(first) ?? [];
    for (const other of sameFirst) {
      if (diceCanReach(surname, other.surname) && stringSimilarity.compareTwoStrings(surname, other.surname) >= SAME_SURNAME_DICE) union(other.form, form);
    }
    sameFirst.push({ form, surname });
    byFirst.set(first, sameFirst);
  }

  const clusters = new Map<string, NameCluster>();
  for (const form of forms) {
    const root = find(form);
    const cluster = clusters.get(root) ?? { forms: new Map<string, number>(), canonical: '', total: 0 };
    cluster.forms.set(form, fullForms.get(form)!);
    cluster.total += fullForms.get(form)!;
    clusters.set(root, cluster);
  }
  const canonicalOf = new Map<string, string>();
  const bySurname = new Map<string, NameCluster[]>();
  for (const cluster of clusters.values()) {
    const listed = [...cluster.forms.keys()].map((f) => lookupAlias(f)).find((hit) => hit?.kind === 'person');
    cluster.canonical = listed?.canonical ?? mostFrequent(cluster.forms)!;
    for (const form of cluster.forms.keys()) {
      canonicalOf.set(form, cluster.canonical);
      const key = lastWordKey(form);
      const list = bySurname.get(key) ?? [];
      if (!list.includes(cluster)) list.push(cluster);
      bySurname.set(key, list);
    }
  }
  const resolveSurname = (surname: string): string => {
    const options = bySurname.get(wordKey(surname));
    if (options && options.length > 0) {
      return [...options].sort((a, b) => b.total - a.total || (a.canonical < b.canonical ? -1 : 1))[0]!.canonical;
    }
    return lookupSurname(surname)?.canonical ?? surname;
  };

  return perArticle.map((mentions) =>
    mentions.map((m) => {
      if (!ENTITY_KINDS.has(m.kind) || !isPerson(m)) return { ...m };
      const value = m.value as string;
      const resolved = value.includes(' ') ? (canonicalOf.get(value) ?? value) : resolveSurname(value);
      return resolved === value ? { ...m } : { ...m, value: resolved };
    }),
  );
}

export { scoreEntities, type EntityScore, type GoldEntity, type LabelledRegion } from './score.ts';
