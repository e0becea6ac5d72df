/**
 * Makes each article's event mentions and claims small before they are held for
 * reconciliation, without changing a byte of what they serialize to.
 *
 * Reconciliation holds every event mention and claim of the dump at once, and most of
 * their fields repeat across articles: a handful of attribute names and trigger words,
 * the same dates ("2025-03-18", with one of a few `known` flag sets), the same
 * quantities, the same cast of participants. Built per article (or parsed from the event
 * cache), each is its own object or string. `Compactor.article` replaces each by one
 * shared value per distinct content: strings through a table, plain objects and arrays
 * (time values, quantities, name lists) when their content is exactly the same — key
 * order and `undefined` properties included — so a shared value differs from the one it
 * replaces only by identity, which no later stage compares. It also gives every record of
 * an article the article's own id string, the event id string of its event (cache entries
 * parse them apart), and one string for a claim's text and its evidence quote when they
 * are equal (two slices otherwise). The article's outlet and publication date, kept to the
 * end of the run with the article, go through the same string table.
 *
 * Shared values must never be mutated: that would change every record sharing them.
 * Nothing does (tests/compact.test.ts runs the pipeline and every output with them
 * frozen); they are not frozen in a run, as frozen objects and arrays made reconciliation
 * slower in V8.
 *
 * The tables live as long as one Compactor (one pipeline run, gone before reconciliation
 * starts); what they shared stays shared. Live heap after a forced GC at the start of
 * reconciliation, 20k synthetic articles: 101 → 85 MB (flat claim and event ids built by
 * claims.ts and event/index.ts −7.5 MB, strings, ids and quotes shared −4.5, values −5);
 * at its end 147 → 135 MB. Compaction itself is under 1% of a run's CPU (profiles at 5k).
 */
import type { Article, Claim, EventMention } from './types.ts';
import type { ArticleEvents } from './pipeline.ts';

export class Compactor {
  /** `freeze`: freeze every shared value (tests: a stage that mutated one would change other records; frozen, it throws). */
  constructor(private readonly freeze = false) {}

  private readonly strings = new Map<string, string>();
  /** Shared values by a cheap bucket key (bucketOf), each bucket scanned for exactly the same content. */
  private readonly values = new Map<unknown, object[]>();

  /** Compacts one article's events and claims in place (they are the article's own, fresh records). */
  article(article: Article, built: ArticleEvents): void {
    // The article's outlet and publication date, held to the end of the run: a handful of
    // outlets and dates over the whole dump, each an own string (an outlet a slice of a
    // longer one) as ingest read it. 100k synthetic articles: −11 MB of live heap.
    const meta = article.meta;
    if (meta.outlet !== null) meta.outlet = this.string(meta.outlet);
    if (meta.published !== null) meta.published = this.string(meta.published);
    const source = article.id;
    const eventIds = new Map<string, string>();
    for (const e of built.events) {
      eventIds.set(e.id, e.id);
      this.event(e, source);
    }
    for (const c of built.claims) this.claim(c, source, eventIds);
  }

  private event(e: EventMention, source: string): void {
    if (e.source === source) e.source = source;
    e.triggerText = this.string(e.triggerText);
    e.participants = this.shared(e.participants);
    if (e.time) e.time = this.shared(e.time);
    if (e.place !== null) e.place = this.string(e.place);
    if (e.attribution !== null) e.attribution = this.string(e.attribution);
  }

  private claim(c: Claim, source: string, eventIds: ReadonlyMap<string, string>): void {
    c.event = eventIds.get(c.event) ?? c.event;
    c.attribute = this.string(c.attribute);
    c.value = typeof c.value === 'string' ? this.string(c.value) : this.shared(c.value);
    if (c.source === source) c.source = source;
    if (c.evidence.source === source) c.evidence.source = source;
    if (c.evidence.quote === c.text) c.evidence.quote = c.text;
    if (c.attribution !== null) c.attribution = this.string(c.attribution);
  }

  /** One string per distinct content. */
  string(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  /**
   * One value per distinct content of a plain object or array: the first one seen (its
   * nested values shared too, in place), returned for every later one of exactly the same
   * content (sameContent). Anything else (a class instance) is returned as it is. No key
   * of the whole content is built (JSON.stringify and a long key per value cost ~2 µs
   * each): values are bucketed by their first primitive member, and a bucket holds at
   * most BUCKET_LIMIT values.
   */
  shared<T>(value: T): T {
    if (!isPlain(value)) return value;
    if (Array.isArray(value) && value.length === 0) return (this.freeze ? FROZEN_NONE : NO_VALUES) as T; // most events name nobody
    const key = bucketOf(value);
    let bucket = this.values.get(key);
    if (!bucket) this.values.set(key, (bucket = []));
    for (const known of bucket) if (sameContent(known, value)) return known as T;
    if (bucket.length < BUCKET_LIMIT) {
      bucket.push(value);
      this.shareMembers(value);
    }
    return value;
  }

  private shareMembers(value: object): void {
    if (Object.isFrozen(value)) return;
    const fields = value as Record<string, unknown>;
    for (const k of Object.keys(fields)) {
      const x = fields[k];
      const member = typeof x === 'string' ? this.string(x) : x !== null && typeof x === 'object' ? this.shared(x) : x;
      if (member !== x) fields[k] = member;
    }
    if (this.freeze) Object.freeze(value);
  }
}

const NO_VALUES: never[] = [];
const FROZEN_NONE: readonly never[] = Object.freeze([]);

/** Values kept per bucket: a longer scan would cost more than sharing saves. */
const BUCKET_LIMIT = 16;

/** The first primitive member of a plain value (a time's timex, a quantity's lower bound, a list's first name). */
function bucketOf(value: object): unknown {
  for (const name in value) {
    const x = (value as Record<string, unknown>)[name];
    if (typeof x !== 'object' || x === null) return x;
  }
  return undefined;
}

/** A plain object (Object.prototype) or an array: what JSON round-trips. */
function isPlain(value: unknown): value is object {
  return value !== null && typeof value === 'object' && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
}

/**
 * Exactly the same content: same keys in the same order, same `undefined` properties,
 * numbers by Object.is (-0 is not 0), nested plain values alike, anything else identical.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (typeof a === 'number') return typeof b === 'number' && Object.is(a, b);
  if (a === b) return true;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameContent((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!])) return false;
  }
  // An array's holes are not keys: equal key lists then also mean equal lengths, unless holes trail.
  return !Array.isArray(a) || a.length === (b as unknown[]).length;
}
