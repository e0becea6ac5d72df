/**
 * Live-blog post order, and the running values it supersedes.
 *
 * A live blog is an article whose body has two or more lines that start with a post
 * time, "HH:MM" (24-hour, or with a.m./p.m.), optionally after a list marker or a
 * Markdown heading mark: "14:05 At least 35 killed…", "- 9:10 a.m. Sirens…". A post
 * runs from its time line to the next one; a claim belongs to the post its evidence
 * starts in (text before the first post, such as the headline or an "Updated 14:05"
 * line, belongs to none).
 *
 * Chronological order comes from document order plus the blog's direction: when
 * consecutive post times mostly fall, the blog is newest-first and document order is
 * reversed. Steps are read on a 24-hour clock (23:50 → 00:10 is 20 minutes forward), and
 * positions rather than the clock give the order, so a blog that runs past midnight
 * stays in order; the times only decide the direction.
 *
 * Supersession: within one live blog and one attribute, the claims of the latest post
 * that states the attribute are current. An earlier claim is superseded when its value
 * is disjoint from the current one ("20 killed" → "35 killed") or both are lower bounds
 * and the current one is higher ("at least 20" → "at least 35": as intervals they
 * overlap, but a later, higher lower bound is an update, not a second opinion). An
 * earlier value that fits the current one ("more than two hours now" → "more than two
 * hours") supersedes nothing.
 */
import type { Article, Claim } from '../types.ts';
import { isLowerBound, isQuantity, valueKey, valuesCompatible } from './values.ts';

/** "14:05", "9:10 a.m.", "- 14:05", "### 14:05", "**14:05**" at the start of a line. */
const POST_TIME = /^[ \t]*(?:[-*•]\s+|#{1,6}\s+)?(?:\*\*)?([01]?\d|2[0-3]):([0-5]\d)(?!\d)(?:\s*([ap])\.?m\.?)?(?:\*\*)?(?=[\s,.:;|–—-]|$)/i;

const DAY_MINUTES = 24 * 60;

export interface Post {
  /** Offset of the post's first character (its time line) in article.text. */
  start: number;
  /** Minutes after midnight of the post time, as written. */
  minutes: number;
  /** 0 for the earliest post. */
  order: number;
}

/** The posts of a live blog in document order, or null when the article is not one. */
export function liveBlogPosts(article: Article): Post[] | null {
  const { text } = article;
  const found: { start: number; minutes: number }[] = [];
  let lineStart = article.body.start;
  while (lineStart < article.body.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > article.body.end) lineEnd = article.body.end;
    const m = POST_TIME.exec(text.slice(lineStart, lineEnd));
    if (m) found.push({ start: lineStart, minutes: toMinutes(Number(m[1]), Number(m[2]), m[3]) });
    lineStart = lineEnd + 1;
  }
  if (found.length < 2) return null;
  let falling = 0;
  let rising = 0;
  for (let i = 1; i < found.length; i++) {
    // Steps on a 24-hour clock: 23:50 → 00:10 is 20 minutes forward, not 23 h 40 back.
    const step = (found[i]!.minutes - found[i - 1]!.minutes + DAY_MINUTES) % DAY_MINUTES;
    if (step === 0) continue;
    if (step < DAY_MINUTES / 2) rising++;
    else falling++;
  }
  const newestFirst = falling > rising;
  return found.map((p, i) => ({ ...p, order: newestFirst ? found.length - 1 - i : i }));
}

function toMinutes(hour: number, minute: number, meridiem: string | undefined): number {
  let h = hour % 24;
  if (meridiem) h = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  return h * 60 + minute;
}

/** The post containing `offset` (binary search over document order), or null. */
export function postAt(posts: readonly Post[], offset: number): Post | null {
  let lo = 0;
  let hi = posts.length - 1;
  let best: Post | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (posts[mid]!.start <= offset) {
      best = posts[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** One live blog's update of one attribute: earlier running values and the current one. */
export interface RunningUpdate {
  attribute: string;
  source: string;
  /** Superseded claims, grouped by value, earliest post first. */
  earlier: Claim[][];
  /** The claims of the latest post stating the attribute. */
  latest: Claim[];
}

export interface Supersession {
  /** Ids of claims a later post of the same live blog replaced. */
  superseded: Set<string>;
  updates: RunningUpdate[];
}

/** Posts per article, computed once and shared by every event of a run. */
export type PostIndex = (articleId: string) => Post[] | null;

export function postIndex(articles: ReadonlyMap<string, Article>): PostIndex {
  const cache = new Map<string, Post[] | null>();
  return (id) => {
    if (!cache.has(id)) {
      const article = articles.get(id);
      cache.set(id, article ? liveBlogPosts(article) : null);
    }
    return cache.get(id)!;
  };
}

/** Superseded running values among one event's actual claims (see the module comment). */
export function findSuperseded(claims: readonly Claim[], posts: PostIndex): Supersession {
  const superseded = new Set<string>();
  const updates: RunningUpdate[] = [];
  const bySourceAttribute = new Map<string, { claim: Claim; order: number }[]>();
  for (const claim of claims) {
    if (claim.modality !== 'actual') continue;
    const list = posts(claim.source);
    const post = list ? postAt(list, claim.evidence.start) : null;
    if (!post) continue;
    const key = `${claim.source}\u0000${claim.attribute}`;
    let entries = bySourceAttribute.get(key);
    if (!entries) bySourceAttribute.set(key, (entries = []));
    entries.push({ claim, order: post.order });
  }
  for (const key of [...bySourceAttribute.keys()].sort()) {
    const entries = bySourceAttribute.get(key)!;
    const lastOrder = Math.max(...entries.map((e) => e.order));
    const latest = entries.filter((e) => e.order === lastOrder).map((e) => e.claim);
    const stale = entries
      .filter((e) => e.order < lastOrder && latest.every((l) => replaces(l, e.claim)))
      .sort((a, b) => a.order - b.order || a.claim.evidence.start - b.claim.evidence.start);
    if (stale.length === 0) continue;
    const earlier = new Map<string, Claim[]>();
    for (const { claim } of stale) {
      superseded.add(claim.id);
      const k = valueKey(claim.value);
      const group = earlier.get(k);
      if (group) group.push(claim);
      else earlier.set(k, [claim]);
    }
    const first = latest[0]!;
    updates.push({ attribute: first.attribute, source: first.source, earlier: [...earlier.values()], latest: sortClaims(latest) });
  }
  return { superseded, updates };
}

/** Does a later value replace an earlier one (rather than restate or refine it)? */
function replaces(later: Claim, earlier: Claim): boolean {
  if (valueKey(later.value) === valueKey(earlier.value)) return false;
  if (!valuesCompatible(later.value, earlier.value)) return true;
  const a = later.value;
  const b = earlier.value;
  if (!isQuantity(a) || !isQuantity(b) || !isLowerBound(a) || !isLowerBound(b)) return false;
  const sameUnit = a.unit === b.unit || later.attribute.startsWith('count.'); // "35 people" / "20" count the same thing
  return sameUnit && a.min! > b.min!;
}

function sortClaims(claims: readonly Claim[]): Claim[] {
  return [...claims].sort((a, b) => a.evidence.start - b.evidence.start || a.id.localeCompare(b.id));
}
