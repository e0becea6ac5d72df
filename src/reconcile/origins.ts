/**
 * Origins: copies count once. Claims are grouped at two levels:
 *
 * - copy group: the claims' sentences are near-identical (Sørensen–Dice on bigrams
 *   ≥ 0.9 on lower-cased text), i.e. one text reprinted (a wire story, a scraped copy,
 *   a quote a live blog prints twice). Two copies of one text never conflict.
 * - origin: copy groups joined by a shared definite attribution ("the Kremlin said" in
 *   two outlets; an outlet's own unattributed text and another outlet's "TASS said").
 *   Indefinite attributions ("a White House official") identify nobody and join nothing.
 */
import type { Article, Claim } from '../types.ts';
import { bigramProfile, dice, diceBound, type BigramProfile } from '../text/dice.ts';
import { fold } from './values.ts';
import { isRegexSpace } from '../segment/spans.ts';

export const COPY_SIMILARITY = 0.9;
/** Above this many distinct sentences per attribute, copies are found by exact text only. */
const MAX_DICE_TEXTS = 300;

export interface Origins {
  /** claim id → copy-group id (the smallest claim id in the group). */
  copyOf: Map<string, string>;
  /** claim id → origin id (the smallest claim id in the origin). */
  originOf: Map<string, string>;
  /** origin id → a readable label ("the kremlin", "Reuters"). */
  labelOf: Map<string, string>;
}

export function groupOrigins(claims: readonly Claim[], articles: ReadonlyMap<string, Article>): Origins {
  const ids = claims.map((c) => c.id);
  const sentences = claims.map((c) => fold(sentenceAround(articles.get(c.source), c)));

  const copies = new UnionFind(ids);
  // Exact copies first (cheap), then Dice among distinct sentences.
  const byText = new Map<string, number>();
  sentences.forEach((s, i) => {
    const first = byText.get(s);
    if (first === undefined) byText.set(s, i);
    else copies.union(ids[first]!, ids[i]!);
  });
  const distinct = [...byText.entries()].sort((a, b) => a[1] - b[1]);
  // One distinct sentence has no pair to compare: no bigram profile is needed (most events have one).
  if (distinct.length >= 2 && distinct.length <= MAX_DICE_TEXTS) {
    nearCopies(
      distinct.map(([text]) => text),
      (x, y) => copies.union(ids[distinct[x]![1]]!, ids[distinct[y]![1]]!),
    );
  }

  const origins = new UnionFind(ids);
  for (const id of ids) origins.union(id, copies.find(id));
  const byAttribution = new Map<string, string>();
  const labelByClaim = new Map<string, string>();
  claims.forEach((claim) => {
    const who = attributionKey(claim, articles.get(claim.source));
    if (!who) return;
    labelByClaim.set(claim.id, who);
    const first = byAttribution.get(who);
    if (first === undefined) byAttribution.set(who, claim.id);
    else origins.union(first, claim.id);
  });

  const copyOf = new Map<string, string>();
  const originOf = new Map<string, string>();
  const labelOf = new Map<string, string>();
  for (const claim of claims) {
    copyOf.set(claim.id, copies.find(claim.id));
    const origin = origins.find(claim.id);
    originOf.set(claim.id, origin);
    const label = labelByClaim.get(claim.id) ?? articles.get(claim.source)?.meta.outlet ?? claim.source;
    const known = labelOf.get(origin);
    if (known === undefined || label < known) labelOf.set(origin, label);
  }
  return { copyOf, originOf, labelOf };
}

/**
 * Copies among distinct texts (folded sentences of two characters or more; shorter ones are
 * no one's copy): Dice of their character bigrams ≥ COPY_SIMILARITY. `onCopy(x, y)` (x < y,
 * indexes into `texts`) is called for exactly those pairs.
 *
 * Every pair is compared, as an event's texts may be any of its sentences; its cost grows
 * with the square of an event's distinct sentences (up to MAX_DICE_TEXTS), and events grow
 * with a dump (synthetic: 1.0M pairs at 100k articles, 9.2M at 300k, ~8 s). So a pair is
 * first held to a bound its bigram counts per bucket give (BUCKETS buckets by a hash of the
 * bigram): Dice's shared count is at most the sum over buckets of the smaller count, and a
 * pair that cannot reach COPY_SIMILARITY with it is not merged bigram by bigram. On events'
 * sentences of one template this set aside 93% of the pairs the sizes allowed, and took half
 * the pairs' time. (A prefix filter, the usual index for set similarity, proposed nearly every
 * pair there: such sentences share their rarest bigrams too.) With sentenceAround read by
 * character codes, groupOrigins −30 to −50% CPU at 100k and 300k (old and new code alternated
 * in one process on the same events).
 */
export function nearCopies(texts: readonly string[], onCopy: (x: number, y: number) => void): void {
  const profiles = texts.map((text) => (text.length < 2 ? null : bigramProfile(text)));
  const counts = texts.length > BUCKETS_FROM ? bucketCounts(profiles) : null;
  for (let x = 0; x < profiles.length; x++) {
    const px = profiles[x];
    if (!px) continue;
    for (let y = x + 1; y < profiles.length; y++) {
      const py = profiles[y];
      if (!py || diceBound(px, py) < COPY_SIMILARITY) continue;
      if (counts && !mayReach(counts, x, y, px.codes.length + py.codes.length)) continue;
      if (dice(px, py) >= COPY_SIMILARITY) onCopy(x, y);
    }
  }
}

/** Buckets of bigram counts per text (a power of two). */
const BUCKETS = 64;
/** From this many texts on, nearCopies counts bigrams per bucket (fewer texts have few pairs). */
const BUCKETS_FROM = 16;

/** Text i's bigram count per bucket at [i · BUCKETS, (i + 1) · BUCKETS), the buckets by its two UTF-16 units. */
function bucketCounts(profiles: readonly (BigramProfile | null)[]): Uint16Array {
  const counts = new Uint16Array(profiles.length * BUCKETS);
  profiles.forEach((p, i) => {
    if (!p) return;
    const text = p.compact;
    const base = i * BUCKETS;
    for (let k = 0; k + 1 < text.length; k++) {
      const at = base + ((text.charCodeAt(k) * 31 + text.charCodeAt(k + 1)) & (BUCKETS - 1));
      // A count that would pass 65535 stops there: the bound then reads it as unbounded (see mayReach).
      if (counts[at]! < 0xffff) counts[at]!++;
    }
  });
  return counts;
}

/**
 * Could texts x and y (`size`: their bigram counts summed) reach Dice COPY_SIMILARITY? Their
 * shared bigrams are at most the summed smaller count per bucket; false only when twice that is
 * below COPY_SIMILARITY · size by a margin no rounding reaches (so `dice` would say below too).
 */
function mayReach(counts: Uint16Array, x: number, y: number, size: number): boolean {
  let bound = 0;
  for (let b = 0, i = x * BUCKETS, j = y * BUCKETS; b < BUCKETS; b++, i++, j++) {
    const cx = counts[i]!;
    const cy = counts[j]!;
    if (cx === 0xffff || cy === 0xffff) return true;
    bound += cx < cy ? cx : cy;
  }
  return 2 * bound >= (COPY_SIMILARITY - 1e-9) * size;
}

const INDEFINITE = /^(a|an|one|some|several|two|three|many|other|unnamed|anonymous)\b/;
const GENERIC = /^(officials?|sources?|reports?|media|media reports|witnesses|residents|people|analysts|experts)$/;

/**
 * Who vouches for a claim, as a comparable key: the attribution when it names
 * someone definite, else the outlet itself for its own unattributed text.
 */
export function attributionKey(claim: Claim, article: Article | undefined): string | null {
  if (claim.attribution) {
    const key = fold(claim.attribution).replace(/^the /, '');
    if (!key || INDEFINITE.test(key) || GENERIC.test(key)) return null;
    return key;
  }
  const outlet = article?.meta.outlet;
  return outlet ? fold(outlet).replace(/^the /, '') : null;
}

/** The sentence (or line) around a claim's evidence, from the raw text; the quote if no article. */
export function sentenceAround(article: Article | undefined, claim: Claim): string {
  const quote = claim.evidence.quote;
  if (!article) return quote;
  const text = article.text;
  const lowest = Math.max(article.body.start, claim.evidence.start - 400);
  // Character codes, not a regular expression per character (every claim of a dump is read here).
  let start = claim.evidence.start;
  while (start > lowest) {
    const ch = text.charCodeAt(start - 1);
    if (ch === NEWLINE) break;
    if (isRegexSpace(ch) && endsSentence(text, start - 1)) break;
    start--;
  }
  const highest = Math.min(text.length, claim.evidence.end + 400);
  let end = Math.max(claim.evidence.end, start);
  while (end < highest) {
    const ch = text.charCodeAt(end);
    if (ch === NEWLINE) break;
    end++;
    if (isStop(ch) && (end >= text.length || isRegexSpace(text.charCodeAt(end)))) break;
  }
  return text.slice(start, end);
}

const NEWLINE = 0x0a;

/** `.`, `!` or `?`. */
function isStop(ch: number): boolean {
  return ch === 0x2e || ch === 0x21 || ch === 0x3f;
}

/** `"`, `”`, `’` or `)`: may close a sentence after its stop. */
function isCloser(ch: number): boolean {
  return ch === 0x22 || ch === 0x201d || ch === 0x2019 || ch === 0x29;
}

/** `/[.!?]["”’)]?$/` on the (at most) two characters before `at`: a sentence ends just before it. */
function endsSentence(text: string, at: number): boolean {
  if (at < 1) return false;
  const last = text.charCodeAt(at - 1);
  if (isStop(last)) return true;
  return at >= 2 && isCloser(last) && isStop(text.charCodeAt(at - 2));
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  constructor(ids: readonly string[]) {
    for (const id of ids) this.parent.set(id, id);
  }

  find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Joins two groups; the smaller id stays the root, so results do not depend on call order. */
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}
