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
import { capitalizedRuns, tokenize, tokenKey, type Token } from './tokens.ts';

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
  /** Confirmed as a person by compromise. */
  compromise: boolean;
  /** The few words around it that compromise reads (a window, not the whole sentence). */
  window: { start: number; end: number };
  /** The window's tokens. */
  context: Token[];
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

/** A name as displayed: the source text, with all-caps words ("BILL CLINTON") in title case. */
const spanText = (tokens: readonly Token[], text: string): string =>
  text
    .slice(tokens[0]!.start, tokens[tokens.length - 1]!.end)
    .replace(/\p{Lu}{2,}/gu, (word) => word.charAt(0) + word.slice(1).toLowerCase());
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
  return tokens.every((t) => {
    const lower = t.text.toLowerCase();
    return lowercaseWords.has(lower) || lowercaseWords.has(`${lower}s`) || (lower.endsWith('s') && lowercaseWords.has(lower.slice(0, -1)));
  });
}

/** A name is asked about in its first few windows; one "yes" makes it a person in the whole article. */
const WINDOWS_PER_NAME = 3;

/**
 * How many of a name's windows compromise reads. A name none of whose words its
 * lexicon lists as a name is voted a person in under 5% of questions on the benchmark corpus
 * (lone words: 150 of 8,323, half of them junk like "Vice", "Calif"), and more looks
 * mostly add junk ("Michigan", "Interoute"): one window. Otherwise WINDOWS_PER_NAME.
 */
const windowsFor = (c: Candidate): number => (c.tokens.some((t) => lexiconMayBePerson(t.text)) ? WINDOWS_PER_NAME : 1);

const nameSpan = (c: Candidate): Span => ({ start: c.tokens[0]!.start, end: c.tokens[c.tokens.length - 1]!.end });

/**
 * compromise's vote on each candidate, asked once per distinct name in the article:
 * in the windows of its first WINDOWS_PER_NAME mentions, and a "yes" in any of them
 * holds for all its mentions (a name is a person or not throughout one article; one
 * window alone missed e.g. "Nixon", "Obama" where their first context is unclear).
 * Never across articles, so results do not depend on which articles run together.
 */
function askOncePerName(text: string, candidates: readonly Candidate[], windowsOf: (c: Candidate) => number): void {
  const byName = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const name = text.slice(c.tokens[0]!.start, c.tokens[c.tokens.length - 1]!.end);
    const same = byName.get(name);
    if (same) same.push(c);
    else byName.set(name, [c]);
  }
  const groups = [...byName.values()];
  const questions: { group: number; question: PersonQuestion }[] = [];
  groups.forEach((g, i) => {
    for (const c of g.slice(0, windowsOf(g[0]!))) {
      questions.push({ group: i, question: { window: c.window, words: c.context.map((t) => t.text), target: nameSpan(c) } });
    }
  });
  const answers = compromiseSaysPerson(text, questions.map((q) => q.question));

  const yes = new Set(questions.filter((_, k) => answers[k]).map((q) => q.group));
  groups.forEach((g, i) => {
    for (const c of g) c.compromise = yes.has(i);
  });
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

export function extractEntities(article: Article, sentences: readonly Sentence[], options: EntityOptions = {}): Mention[] {
  const mode = options.compromise ?? 'filtered';
  const text = article.text;
  const lowercaseWords = lowercaseVocabulary(text.slice(article.body.start, article.body.end));
  const mentions: Mention[] = [];
  const candidates: Candidate[] = [];

  // Pass 1: runs, fixed entities, name candidates.
  for (const sentence of sentences) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    for (const run of capitalizedRuns(tokens, text)) {
      const { entities, names } = analyzeRun(run, titleBefore(tokens, run[0]!, text), lowercaseWords);
      for (const e of entities) {
        mentions.push({ source: article.id, kind: e.kind, start: e.start, end: e.end, text: text.slice(e.start, e.end), value: e.canonical, sentence: sentence.index, rule: e.rule });
      }
      for (const name of names) {
        const first = name.tokens[0]!.index;
        const last = name.tokens[name.tokens.length - 1]!.index;
        const context = tokens.slice(Math.max(0, first - CONTEXT_TOKENS), last + CONTEXT_TOKENS + 1);
        const window = { start: context[0]!.start, end: context[context.length - 1]!.end };
        const surface = spanText(name.tokens, text);
        candidates.push({ tokens: name.tokens, titled: name.titled, givenName: name.givenName, sentence: sentence.index, compromise: false, window, context, surface });
      }
    }
  }

  // Full names the cheap rules already accept: the article's surname index.
  const surnameIndex = new Map<string, Map<string, number>>();
  const indexFullName = (c: Candidate): void => {
    if (c.tokens.length >= 2) addCount(surnameIndex, lastWordKey(c.surface), canonicalName(c.surface));
  };
  // Asked several times per candidate and word below: computed once each (names repeat).
  const cheaplyAccepted = new Set<Candidate>();
  for (const c of candidates) {
    if (c.titled || c.givenName || (c.tokens.length >= 2 && lookupAlias(c.surface)?.kind === 'person')) cheaplyAccepted.add(c);
  }
  const acceptedCheaply = (c: Candidate): boolean => cheaplyAccepted.has(c);
  for (const c of candidates) if (acceptedCheaply(c)) indexFullName(c);

  const surnameKeys = new Map<string, { key: string; listed: boolean }>();
  const knownSurname = (token: Token): boolean => {
    let known = surnameKeys.get(token.text);
    if (!known) {
      known = { key: wordKey(token.text), listed: lookupSurname(token.text) !== undefined };
      surnameKeys.set(token.text, known);
    }
    return known.listed || surnameIndex.has(known.key);
  };
  const explained = (c: Candidate): boolean => acceptedCheaply(c) || c.tokens.every(knownSurname);

  // Pass 2: compromise, only on what is still unexplained ('filtered'), or on every
  // sentence whole with its full nlp() ('always': the naive baseline, kept for measuring).
  if (mode === 'always') {
    for (const s of sentences) {
      const whole = { start: s.start, end: s.end };
      const inSentence = candidates.filter((c) => c.sentence === s.index);
      const answers = compromiseSaysPerson(text, inSentence.map((c) => ({ window: whole, target: nameSpan(c) })), true);
      inSentence.forEach((c, i) => (c.compromise = answers[i]! && !ordinaryWords(c.tokens, lowercaseWords)));
    }
    for (const c of candidates) if (c.compromise && !explained(c)) indexFullName(c);
  } else if (mode === 'filtered') {
    const pending = candidates.filter((c) => !(explained(c) || ordinaryWords(c.tokens, lowercaseWords)));
    // Full names first: those compromise confirms join the surname index, and a bare
    // surname they explain ("Hansbrough" after "Tyler Hansbrough") needs no vote.
    askOncePerName(text, pending.filter((c) => c.tokens.length >= 2), windowsFor);
    for (const c of pending) if (c.compromise && !explained(c)) indexFullName(c);
    // A single word's vote only counts when nothing links it and it could be a name on
    // its own; compromise reads one window of it when its lexicon does not list the word
    // as a name, up to three when it does (see askOncePerName).
    const singles = pending.filter(
      (c) => c.tokens.length === 1 && !c.tokens.every(knownSurname) && plausibleSingleName(c.tokens[0]!, text, lowercaseWords),
    );
    askOncePerName(text, singles, windowsFor);
  }

  // Pass 3: decide persons and their values.
  const linkSurname = (surname: string): { value: string; rule: 'surname-link' | 'alias' } | null => {
    const inArticle = surnameIndex.get(wordKey(surname));
    if (inArticle) return { value: mostFrequent(inArticle)!, rule: 'surname-link' };
    const alias = lookupSurname(surname);
    return alias ? { value: alias.canonical, rule: 'alias' } : null;
  };
  const pushPerson = (tokens: readonly Token[], sentence: number, value: string, rule: string): void => {
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    mentions.push({ source: article.id, kind: 'person', start, end, text: text.slice(start, end), value, sentence, rule });
  };

  for (const c of candidates) {
    const surface = c.surface;
    if (c.tokens.length === 1) {
      const link = linkSurname(surface);
      if (link) pushPerson(c.tokens, c.sentence, link.value, c.titled ? 'title-pattern' : link.rule);
      else if (c.titled && !/\.$/.test(surface) && !GIVEN_NAME_SET.has(foldText(surface))) pushPerson(c.tokens, c.sentence, surface, 'title-pattern');
      else if (c.compromise && plausibleSingleName(c.tokens[0]!, text, lowercaseWords)) pushPerson(c.tokens, c.sentence, surface, 'compromise');
      continue;
    }
    // "Trump Putin call": two known surnames side by side, not one person.
    if (!c.givenName && !c.titled && c.tokens.every(knownSurname)) {
      for (const token of c.tokens) {
        const link = linkSurname(token.text)!;
        pushPerson([token], c.sentence, link.value, link.rule);
      }
      continue;
    }
    const alias = lookupAlias(surface);
    const rule = c.titled ? 'title-pattern' : c.givenName ? 'given-name' : alias?.kind === 'person' ? 'alias' : c.compromise ? 'compromise' : null;
    if (rule) pushPerson(c.tokens, c.sentence, canonicalName(surface), rule);
  }

  return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
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
