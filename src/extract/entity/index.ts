/**
 * Entity extraction (people, places, organizations) and name resolution.
 *
 * Ordered rules, chrono-style, each mention tagged with the rule that made it:
 *   1. capitalized runs per sentence (tokens.ts)
 *   2. gazetteer phrases, titles, demonyms, "X Ministry"/"X Region" patterns (classify.ts)
 *   3. person candidates accepted by a title ("title-pattern"), a common given name
 *      ("given-name"), the alias table ("alias"), a full name seen in the article
 *      ("surname-link"), or — only for what is still unexplained — compromise
 *      ("compromise"), which reads a ±4-word window around each such candidate
 *      (windows batched as separate paragraphs in one nlp() call per article).
 *   4. values: full names canonicalized through the alias table; bare surnames
 *      linked to the article's full name with that surname.
 * `resolveAcrossArticles` then links names across articles.
 *
 * compromise is used as a yes/no vote on our own candidates, never for spans: its
 * spans glue on titles and places ("east steven witkoff") and junk ("January,"), while
 * our candidates are already clipped to name-shaped tokens.
 *
 * Speed (five seed articles, 46 KB, naive sentence split; tsx, warm, best of 5, on
 * 2 shared cores at load average 3–5, so noisy):
 *   'never'    no compromise at all                                   ~3 ms/article
 *   'filtered' (default) compromise only on unexplained candidates,
 *              ±4-word windows, one nlp() call per article            ~8–9 ms/article
 *   'always'   naive baseline: nlp(sentence).people() on every sentence ~140–200 ms/article
 * The filter sends candidates from ~15% of sentences (57 of 372) to compromise and loses one mention
 * on the seeds ("Steve" in "[US special envoy Steve] Witkoff"). tests/entity-eval.test.ts
 * prints the same three numbers on every run.
 *
 * Where the time goes ('filtered', 200 ECB+ articles + the seeds, --cpu-prof): ~86% inside
 * compromise's nlp() on the windows (its post-tagger alone ~65%), ~14% in this folder's
 * own tokenizing and classification. compromise's chunker is skipped (see `peopleIn`):
 * ~10–15% less CPU, identical mentions.
 */
import nlp from 'compromise';
import stringSimilarity from 'string-similarity';
import type { Article, Mention, Sentence } from '../../types.ts';
import { canonicalName, lookupAlias, lookupSurname } from './aliases.ts';
import { analyzeRun, type NameCandidate } from './classify.ts';
import { foldText, nameKey, wordKey } from './fold.ts';
import { GIVEN_NAME_SET, MAX_TITLE_TOKENS, TITLE_SET } from './gazetteer.ts';
import { capitalizedRuns, tokenize, type Token } from './tokens.ts';

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
  const words: string[] = [];
  let next = first;
  for (let i = first.index - 1; i >= 0 && words.length < MAX_TITLE_TOKENS; i--) {
    const gap = text.slice(tokens[i]!.end, next.start);
    if (!(words.length === 0 ? /^,?\s+$/ : /^\s+$/).test(gap)) break;
    words.unshift(tokens[i]!.text);
    if (TITLE_SET.has(foldText(words.join(' ')))) return true;
    next = tokens[i]!;
  }
  return false;
}

const LOWERCASE_WORD = /(?<![\p{L}\p{M}])[\p{Ll}][\p{Ll}\p{M}]*/gu;

interface Candidate extends NameCandidate {
  sentence: number;
  /** Confirmed as a person by compromise. */
  compromise: boolean;
  /** The few words around it that compromise reads (a window, not the whole sentence). */
  window: { start: number; end: number };
}

/** Words the article writes in lowercase somewhere (so a capitalized one may be a sentence start). */
function lowercaseVocabulary(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(LOWERCASE_WORD)) words.add(m[0]);
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
 * cheaper than a whole sentence (some live-blog "sentences" are paragraphs).
 */
const CONTEXT_TOKENS = 4;

type FoundPerson = { offset: { start: number; length: number } };

/**
 * nlp(text) without its last step, the chunker (~10% of compromise's time here): it
 * only reads tags and writes `term.chunk`, which `people()` never looks at, so the
 * people found are the same. The hook list is compromise's own global; it is
 * restored before returning (synchronous, and this module is its only user).
 */
const world = (nlp as unknown as { _world?: { hooks?: string[] } })._world;
const HOOKS_FOR_PEOPLE = Array.isArray(world?.hooks) ? world.hooks.filter((hook) => hook !== 'chunks') : null;

function peopleIn(text: string): FoundPerson[] {
  if (!world || !HOOKS_FOR_PEOPLE) return nlp(text).people().json({ offset: true }) as FoundPerson[]; // another compromise: the plain call
  const saved = world.hooks;
  world.hooks = HOOKS_FOR_PEOPLE;
  try {
    return nlp(text).people().json({ offset: true }) as FoundPerson[];
  } finally {
    world.hooks = saved;
  }
}

/**
 * Person spans compromise finds in some stretches of text, in article offsets. The
 * stretches are read in one nlp() call, as separate paragraphs; a found span that
 * crosses a separator is clipped to its own stretch.
 */
function compromisePeople(text: string, spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  if (spans.length === 0) return [];
  const SEPARATOR = '\n\n';
  const offsets: number[] = [];
  let joined = '';
  for (const span of spans) {
    if (joined.length > 0) joined += SEPARATOR;
    offsets.push(joined.length);
    joined += text.slice(span.start, span.end).replace(/\n/g, ' ');
  }
  const found = peopleIn(joined);
  const result: { start: number; end: number }[] = [];
  for (const p of found) {
    // The stretch it starts in: the last offset not after it.
    let lo = 0;
    for (let hi = offsets.length - 1; lo < hi; ) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= p.offset.start) lo = mid;
      else hi = mid - 1;
    }
    const span = spans[lo]!;
    const start = span.start + p.offset.start - offsets[lo]!;
    result.push({ start, end: Math.min(span.end, start + p.offset.length) });
  }
  return result;
}

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
        const window = {
          start: tokens[Math.max(0, first - CONTEXT_TOKENS)]!.start,
          end: tokens[Math.min(tokens.length - 1, last + CONTEXT_TOKENS)]!.end,
        };
        candidates.push({ ...name, sentence: sentence.index, compromise: false, window });
      }
    }
  }

  // Full names the cheap rules already accept: the article's surname index.
  const surnameIndex = new Map<string, Map<string, number>>();
  const indexFullName = (c: Candidate): void => {
    if (c.tokens.length >= 2) addCount(surnameIndex, lastWordKey(spanText(c.tokens, text)), canonicalName(spanText(c.tokens, text)));
  };
  const acceptedCheaply = (c: Candidate): boolean =>
    c.titled || c.givenName || (c.tokens.length >= 2 && lookupAlias(spanText(c.tokens, text))?.kind === 'person');
  for (const c of candidates) if (acceptedCheaply(c)) indexFullName(c);

  const knownSurname = (token: Token): boolean => surnameIndex.has(wordKey(token.text)) || lookupSurname(token.text) !== undefined;
  const explained = (c: Candidate): boolean => acceptedCheaply(c) || c.tokens.every(knownSurname);

  // Pass 2: compromise, only on what is still unexplained ('filtered'), or on every
  // sentence whole, one call each ('always': the naive baseline, kept for measuring).
  if (mode !== 'never') {
    const pending = candidates.filter((c) => mode === 'always' || !(explained(c) || ordinaryWords(c.tokens, lowercaseWords)));
    let people: { start: number; end: number }[];
    if (mode === 'always') {
      people = sentences.flatMap((s) => compromisePeople(text, [s]));
    } else {
      // Windows around candidates, overlapping ones merged; all windows of the article
      // go to compromise in one call (as separate paragraphs): each nlp() call has a fixed cost.
      const windows: { start: number; end: number }[] = [];
      for (const c of pending) {
        const last = windows[windows.length - 1];
        if (last && c.window.start <= last.end) last.end = Math.max(last.end, c.window.end);
        else windows.push({ ...c.window });
      }
      people = compromisePeople(text, windows);
    }
    for (const c of pending) {
      const start = c.tokens[0]!.start;
      const end = c.tokens[c.tokens.length - 1]!.end;
      c.compromise = !ordinaryWords(c.tokens, lowercaseWords) && people.some((p) => p.start < end && start < p.end);
      if (c.compromise && !explained(c)) indexFullName(c);
    }
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
    const surface = spanText(c.tokens, text);
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
  const byFirst = new Map<string, string[]>();
  for (const form of forms) {
    const aliasCanonical = lookupAlias(form)?.canonical;
    const key = nameKey(aliasCanonical ?? form);
    const seen = byKey.get(key);
    if (seen) union(seen, form);
    else byKey.set(key, form);
    const words = nameKey(form).split(' ');
    const first = words[0]!;
    const surname = foldText(form.split(' ').pop()!);
    for (const other of byFirst.get(first) ?? []) {
      if (stringSimilarity.compareTwoStrings(surname, foldText(other.split(' ').pop()!)) >= SAME_SURNAME_DICE) union(other, form);
    }
    byFirst.set(first, [...(byFirst.get(first) ?? []), form]);
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
