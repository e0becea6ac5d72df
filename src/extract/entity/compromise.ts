/**
 * compromise as a yes/no person vote: which of some target spans it tags as a
 * person, each read inside its own few words of context.
 *
 * Only the parts of compromise that decide Person tags run:
 *   - its tokenizer, lexicon and pre-tagger, as in nlp(), minus the post-tagger and chunker;
 *   - then a post-tagger sweep over only the ~45 of its ~570 post-tagger patterns that
 *     set or remove a person tag (FirstName, LastName, Honorific, …), built once.
 * compromise finds all post-tagger matches against the pre-tagger's tags and only
 * then applies them, so leaving out patterns that set other tags changes little:
 * on the 18,401 candidates of the benchmark corpus (ECB+ and GVC) the verdicts agree with
 * the full nlp() on all but 17, about half the CPU. The full nlp() is the fallback
 * when compromise's internals are not as expected.
 * The sweep itself is compromise's, step for step, except how each sentence's
 * candidate rules are gathered (`sweepNet`): same rules, same order, same tags
 * (tests/entity-cues.test.ts), ~10–15% less CPU in compromise; and a rule whose leading
 * elements are plain tags or regexes is matched only when they fit consecutive terms
 * somewhere in the sentence (`leadFits`): 64% of the matches tried on the benchmark
 * corpus are skipped, none of which could have found anything (tests/entity-speed.test.ts).
 *
 * A window in which compromise could not tag any word as a person (person-cues.ts:
 * no name, title or pattern word of its own) is answered no without running it.
 *
 * A target counts as a person when one of its words is tagged Person, or is an
 * Honorific right before one (what `people()` matches, without building its views).
 * Words are located by searching their text from where the last one ended, not
 * by compromise's offsets, which drift after characters it normalizes (``quotes'').
 */
import { isPersonRule, nlp, world, type MatchRule, type Term, type World } from './compromise-model.ts';
import { compromiseMayFindPerson } from './person-cues.ts';

export { lexiconMayBePerson } from './compromise-model.ts';

export interface Span {
  start: number;
  end: number;
}

export interface PersonQuestion {
  /** The words compromise reads. */
  window: Span;
  /** The window's words as written, when the caller has them split already (else split here). */
  words?: readonly string[];
  /** The candidate inside the window. */
  target: Span;
}

interface View {
  docs: Term[][];
  document: Term[][];
  update: (pointers: number[][]) => View;
  sweep: (net: unknown) => unknown;
  uncache: () => void;
}

/** A rule of compromise's match net as its buildNet leaves it: the fields its sweep reads. */
interface NetRule {
  match: string;
  /** The parsed pattern, one element per term (or block). */
  regs?: unknown;
  needs: string[];
  wants: string[];
  minWant?: number;
  minWords?: number;
  ifNo?: string[];
  unTag?: unknown;
}

/** compromise's match net (buildNet): rules listed under each word or `#Tag` they need or want, and rules with neither. */
interface MatchNet {
  hooks: Record<string, NetRule[]>;
  always: NetRule[];
}

/** The net's hook keys in the order compromise walks them (`Object.keys`), and each key's rules. */
interface NetIndex {
  rank: Map<string, number>;
  lists: NetRule[][];
  /** Per list, each rule's pattern number: rules with the same pattern text share one (compromise keeps the first). */
  patterns: Int32Array[];
  /** Per pattern number, the last sentence (`swept` count) it was met in: a "seen" set without building one per sentence. */
  metIn: Int32Array;
  swept: number;
  /** Scratch: the ranks of one sentence's keys (a key is listed once in its set, so at most one per key). */
  ranks: Int32Array;
  always: NetRule[];
  /** Per rule, its lead (`leadOf`): empty when it has none worth checking. */
  lead: Map<NetRule, Lead[]>;
}

/** A pattern element that matches exactly one term, by a tag (`#Person`) or a regex on its normal form (`/^[^aiurck]$/`). */
export interface Lead {
  tag?: string;
  regex?: RegExp;
}

/** Fields a plain element may carry besides its tag or regex: a capture group, or `^`/`$` (which only narrow where it matches). */
const PLAIN_EXTRAS: ReadonlySet<string> = new Set(['group', 'groupStart', 'groupEnd', 'start', 'end']);

/**
 * A pattern's lead: its first elements while each is plain (a tag or a non-global regex and
 * nothing else: not optional, negative, greedy, a choice, a word...). compromise's match
 * (tryHere) steps one term per plain element, testing `term.tags.has(tag)` or
 * `regex.test(term.normal)` (its contraction skip needs a word or method element), so a
 * match starting at term i needs the lead to fit terms i, i+1, … A single tag is left out:
 * the rule's own `needs` already ask for it in the sentence.
 */
export function leadOf(regs: unknown): Lead[] {
  const lead: Lead[] = [];
  if (!Array.isArray(regs)) return lead;
  for (const reg of regs as Record<string, unknown>[]) {
    const own = Object.keys(reg).filter((k) => !PLAIN_EXTRAS.has(k));
    if (own.length !== 1) break;
    if (own[0] === 'tag' && typeof reg.tag === 'string') lead.push({ tag: reg.tag });
    else if (own[0] === 'regex' && reg.regex instanceof RegExp && !reg.regex.global && !reg.regex.sticky) lead.push({ regex: reg.regex });
    else break;
  }
  return lead.length === 1 && lead[0]!.tag !== undefined ? [] : lead;
}

/**
 * Whether the lead fits consecutive terms somewhere in the sentence (else compromise's
 * match of the rule finds nothing). Exported, with `leadOf`, for the test that holds it to that.
 */
export function leadFits(terms: readonly Term[], lead: readonly Lead[]): boolean {
  for (let i = 0; i + lead.length <= terms.length; i++) {
    let k = 0;
    while (k < lead.length && fitsTerm(terms[i + k]!, lead[k]!)) k++;
    if (k === lead.length) return true;
  }
  return false;
}

const fitsTerm = (term: Term, element: Lead): boolean => (element.tag !== undefined ? term.tags.has(element.tag) : element.regex!.test(term.normal));

interface PersonTagger {
  /** compromise's hooks before its post-tagger. */
  hooks: string[];
  /** The person-pattern net. */
  net: MatchNet;
  /** For `sweepNet`; null when compromise's sweep methods are not shaped as expected (then its own View.sweep runs). */
  index: NetIndex | null;
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** The hook keys and rules of a net, or null when it is not shaped as `sweepNet` expects. */
function indexNet(net: MatchNet, w: World): NetIndex | null {
  const { cacheDoc, match, bulkTagger } = w.methods.one;
  if (typeof cacheDoc !== 'function' || typeof match !== 'function' || typeof bulkTagger !== 'function') return null;
  if (!net || typeof net.hooks !== 'object' || !Array.isArray(net.always)) return null;
  const keys = Object.keys(net.hooks);
  const lists = keys.map((k) => net.hooks[k]!);
  const rules = [...lists.flat(), ...net.always];
  const wellFormed = (r: NetRule): boolean =>
    typeof r.match === 'string' && isStrings(r.needs) && isStrings(r.wants) && (r.ifNo === undefined || isStrings(r.ifNo));
  if (!lists.every(Array.isArray) || !rules.every(wellFormed)) return null;
  const numbers = new Map<string, number>();
  const patterns = lists.map((list) => Int32Array.from(list, (r) => numbers.get(r.match) ?? (numbers.set(r.match, numbers.size), numbers.size - 1)));
  const lead = new Map(rules.map((r) => [r, leadOf(r.regs)]));
  return { rank: new Map(keys.map((k, i) => [k, i])), lists, patterns, metIn: new Int32Array(numbers.size).fill(-1), swept: 0, ranks: new Int32Array(keys.length), always: net.always, lead };
}

/** The pre-tagging hooks and the person-pattern net, or null when compromise is not shaped as expected. */
function personTagger(): PersonTagger | null {
  const w = world();
  if (!w || !Array.isArray(w.hooks) || !w.hooks.includes('postTagger')) return null;
  const { matches } = w.model?.two ?? {};
  const { buildNet, parseMatch } = w.methods?.one ?? {};
  if (!Array.isArray(matches) || typeof buildNet !== 'function' || typeof parseMatch !== 'function' || typeof w.methods.two?.quickSplit !== 'function') return null;
  const personRules = matches.filter(isPersonRule);
  // buildNet parses its rules in place (and `notIf` may already be parsed by nlp()): give it copies.
  const copies: MatchRule[] = personRules.map((m) => ({ ...m, notIf: undefined }));
  const net = buildNet(copies, w) as MatchNet;
  personRules.forEach((m, i) => {
    if (m.notIf !== undefined) copies[i]!.notIf = typeof m.notIf === 'string' ? parseMatch(m.notIf, {}, w) : m.notIf;
  });
  const hooks = w.hooks.slice(0, w.hooks.indexOf('postTagger'));
  return { hooks, net, index: indexNet(net, w) };
}

let tagger: PersonTagger | null | undefined;

/**
 * compromise's post-tagger sweep of the net over `docs` (what View.sweep does: its
 * bulkMatch, then bulkTagger), step for step except one: the rules worth trying on a
 * sentence are gathered from the sentence's own words and tags (13 on average) instead
 * of walking all 111 keys of the net per sentence and dropping repeats through an
 * object keyed by pattern text, which took ~10% of compromise's CPU time here. They come
 * out in compromise's order (by key, then list order, first of each pattern text kept),
 * so the same matches are applied in the same order and the tags are the same.
 */
function sweepNet(docs: Term[][], index: NetIndex, w: World): void {
  const { cacheDoc, match, bulkTagger } = w.methods.one;
  const caches = cacheDoc!(docs);
  const found: object[] = [];
  const ranks = index.ranks;
  const tries: NetRule[] = [];
  for (let n = 0; n < docs.length; n++) {
    const haves = caches[n]!;
    let count = 0;
    for (const item of haves) {
      const rank = index.rank.get(item);
      if (rank !== undefined) ranks[count++] = rank;
    }
    if (index.swept === 0x7fffffff) {
      index.metIn.fill(-1); // stamps stay int32
      index.swept = 0;
    }
    const sentence = index.swept++;
    tries.length = 0;
    ranks.subarray(0, count).sort();
    for (let k = 0; k < count; k++) {
      const rank = ranks[k]!;
      const list = index.lists[rank]!;
      const patterns = index.patterns[rank]!;
      for (let r = 0; r < list.length; r++) {
        if (index.metIn[patterns[r]!] === sentence) continue;
        index.metIn[patterns[r]!] = sentence;
        if (ruleMayMatch(list[r]!, haves)) tries.push(list[r]!);
      }
    }
    for (let k = 0; k < index.always.length; k++) tries.push(index.always[k]!);
    const length = docs[n]!.length;
    const sentenceDocs = [docs[n]!];
    for (let t = 0; t < tries.length; t++) {
      const rule = tries[t]!;
      if (rule.minWords === undefined || length < rule.minWords) continue; // compromise: `length >= minWords`
      const lead = index.lead.get(rule)!;
      if (lead.length > 0 && !leadFits(docs[n]!, lead)) continue; // 64% of the rules tried on the benchmark corpus
      const pointers = match!(sentenceDocs, rule).ptrs;
      for (let k = 0; k < pointers.length; k++) {
        const pointer = pointers[k]!;
        pointer[0] = n;
        const todo: NetRule & { pointer?: number[] } = Object.assign({}, rule, { pointer });
        if (rule.unTag !== undefined) todo.unTag = rule.unTag;
        found.push(todo);
      }
    }
  }
  bulkTagger!(found, docs, w);
}

/** compromise's trim of a candidate rule: all its needs, none of its `ifNo`, at least `minWant` of its wants. */
function ruleMayMatch(rule: NetRule, haves: ReadonlySet<string>): boolean {
  for (const need of rule.needs) if (!haves.has(need)) return false;
  if (rule.ifNo !== undefined) for (const no of rule.ifNo) if (haves.has(no)) return false;
  if (rule.wants.length === 0) return true;
  let wanted = 0;
  for (const want of rule.wants) if (haves.has(want)) wanted++;
  return rule.minWant !== undefined && wanted >= rule.minWant;
}

/**
 * Sentences of terms, tagged for people only. The hook list is compromise's own global,
 * restored before returning. `ownSweep: false` runs compromise's View.sweep instead of
 * `sweepNet` (for the test that they tag alike).
 */
export function tagPeople(text: string, full: boolean, ownSweep = true): Term[][] {
  tagger ??= personTagger();
  const w = world();
  if (full || !tagger || !w) return (nlp(text) as unknown as View).document;
  const saved = w.hooks;
  w.hooks = tagger.hooks;
  let view: View;
  try {
    view = nlp(text) as unknown as View;
  } finally {
    w.hooks = saved;
  }
  // As compromise's own post-tagger: sweep the comma-split sentences.
  const pieces = w.methods.two.quickSplit(view.docs);
  const pointers = pieces.map((terms) => [terms[0]!.index[0], terms[0]!.index[1], terms[0]!.index[1] + terms.length]);
  const sentences = view.update(pointers);
  if (ownSweep && tagger.index) sweepNet(sentences.docs, tagger.index, w);
  else sentences.sweep(tagger.net);
  view.uncache();
  return view.document;
}

/** How far past its expected place a word may be found (compromise rewrites some punctuation in `pre`). */
const MAX_DRIFT = 4;

/** Spans of `text` that compromise tags as people (Honorific* Person+, not across a comma). */
function personSpans(text: string, full: boolean): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  let gap = 0; // the previous word's trailing punctuation and spaces
  const sentences = tagPeople(text, full);
  const run: PersonRun = { start: -1, end: -1, hasPerson: false };
  for (let s = 0; s < sentences.length; s++) {
    const terms = sentences[s]!;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const at = term.text === '' ? -1 : text.indexOf(term.text, cursor);
      if (at < 0 || at > cursor + gap + term.pre.length + MAX_DRIFT) {
        closeRun(run, spans);
        gap += term.pre.length + term.text.length + term.post.length;
        continue;
      }
      cursor = at + term.text.length;
      gap = term.post.length;
      const person = term.tags.has('Person');
      if (person || (term.tags.has('Honorific') && !run.hasPerson)) {
        if (run.start < 0) run.start = at;
        run.end = cursor;
        if (person) run.hasPerson = true;
      } else closeRun(run, spans);
      if (term.post.includes(',')) closeRun(run, spans);
    }
    closeRun(run, spans);
  }
  return spans;
}

/** The words of a possible person span being read: Honorific* Person+ (start -1: none). */
interface PersonRun {
  start: number;
  end: number;
  hasPerson: boolean;
}

/** Ends the run: a span if it holds a Person (a module function: tsx names each closure it makes). */
function closeRun(run: PersonRun, spans: Span[]): void {
  if (run.start >= 0 && run.hasPerson) spans.push({ start: run.start, end: run.end });
  run.start = -1;
  run.hasPerson = false;
}

const NEWLINES = /\n/g;

/** Some span overlaps [start, end). */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (let i = 0; i < spans.length; i++) if (spans[i]!.start < end && start < spans[i]!.end) return true;
  return false;
}

/**
 * For each question, whether compromise tags its target as a person. All windows
 * it could find a person in go to one call, as separate paragraphs (each call has a
 * fixed cost); overlapping windows are read once, merged. `full`: compromise's whole
 * nlp() on every window instead (for measuring).
 */
export function compromiseSaysPerson(text: string, questions: readonly PersonQuestion[], full = false): boolean[] {
  if (questions.length === 0) return [];
  const SEPARATOR = '\n\n';
  const order: number[] = []; // the questions asked, by window start
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i]!;
    if (full || compromiseMayFindPerson(q.words ?? text.slice(q.window.start, q.window.end))) order.push(i);
  }
  order.sort((a, b) => questions[a]!.window.start - questions[b]!.window.start || a - b);
  const answers = new Array<boolean>(questions.length).fill(false);
  if (order.length === 0) return answers;
  const merged: Span[] = [];
  for (let k = 0; k < order.length; k++) {
    const window = questions[order[k]!]!.window;
    const last = merged[merged.length - 1];
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else merged.push({ start: window.start, end: window.end });
  }
  // Each merged window's place in the joined text.
  let joined = '';
  const shift: number[] = [];
  for (let k = 0; k < merged.length; k++) {
    const span = merged[k]!;
    if (joined.length > 0) joined += SEPARATOR;
    shift.push(joined.length - span.start);
    joined += text.slice(span.start, span.end).replace(NEWLINES, ' ');
  }
  const found = personSpans(joined, full);

  let w = 0;
  for (let k = 0; k < order.length; k++) {
    const { window, target } = questions[order[k]!]!;
    while (merged[w]!.end < window.end) w++;
    answers[order[k]!] = overlapsAny(found, target.start + shift[w]!, target.end + shift[w]!);
  }
  return answers;
}
