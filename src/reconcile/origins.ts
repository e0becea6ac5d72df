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
import { bigramProfile, dice, diceBound } from '../text/dice.ts';
import { fold } from './values.ts';

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
    const profiles = distinct.map(([text]) => bigramProfile(text));
    for (let x = 0; x < distinct.length; x++) {
      for (let y = x + 1; y < distinct.length; y++) {
        const [sx, ix] = distinct[x]!;
        const [sy, iy] = distinct[y]!;
        if (sx.length < 2 || sy.length < 2) continue;
        const [px, py] = [profiles[x]!, profiles[y]!];
        if (diceBound(px, py) >= COPY_SIMILARITY && dice(px, py) >= COPY_SIMILARITY) copies.union(ids[ix]!, ids[iy]!);
      }
    }
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
  let start = claim.evidence.start;
  while (start > lowest) {
    const ch = text[start - 1]!;
    if (ch === '\n') break;
    if (/\s/.test(ch) && /[.!?]["”’)]?$/.test(text.slice(Math.max(0, start - 3), start - 1))) break;
    start--;
  }
  const highest = Math.min(text.length, claim.evidence.end + 400);
  let end = Math.max(claim.evidence.end, start);
  while (end < highest) {
    const ch = text[end]!;
    if (ch === '\n') break;
    end++;
    if (/[.!?]/.test(ch) && (end >= text.length || /\s/.test(text[end]!))) break;
  }
  return text.slice(start, end);
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
