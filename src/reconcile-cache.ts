/**
 * The last reconciliation, kept in the output's cache folder so that a rerun whose
 * reconciliation inputs are unchanged skips it. That is the review loop: the reviewer
 * edits decisions.json and regenerates, decisions are applied after reconciliation
 * (cli.ts), and on a dump of a thousand articles reconciliation is more than half of
 * such a rerun (the articles' analyses and events come from their own caches).
 *
 * The key is a hash of everything `reconcile` reads but the previous dataset: the code (all
 * of src/, so any edit invalidates), each article's identity (id, path, format, sha256 of
 * its text, body span, origin, metadata and inferences), every event mention and claim as
 * built. The previous dataset is read for one thing only, the event ids (ids.ts matches
 * each event to a previous one), so the entry also keeps each event's identity (type,
 * date, participants, mentions, sources) and the id it got: on a lookup the ids are
 * assigned again against this run's previous events, and the stored result serves only
 * when they come out the same (they do when the previous events are this dump's last
 * output, decisions applied or not: each event shares its mentions with its own previous
 * self; a previous dataset from other inputs may give other ids, and then the run
 * reconciles). The result is stored as JSON, which is how the outputs are written too, so a
 * hit writes the same bytes as a rebuild (tests/reconcile-cache.test.ts). One entry: the newest.
 *
 * The entry is about as big as events.json plus claims.jsonl (195 MB at 100k short
 * articles), past V8's longest string (~512 MB) on larger dumps, so it is never one string:
 * written element by element, read back the same way (output/read.ts), and its key, first in
 * the file, is read on its own before anything else is parsed. Writing it costs a few
 * percent of a first run; a hit saves the whole reconciliation, which on large dumps is most
 * of a rerun (100k synthetic articles: see README, "The review loop").
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hashSources } from './cache.ts';
import { readJsonObjectFile } from './output/read.ts';
import { writeChunks } from './output/write.ts';
import type { ReconcileStage } from './pipeline.ts';
import { assignEventIds, type IdentityDraft } from './reconcile/ids.ts';
import type { ReconcileInput, ReconcileResult } from './reconcile/index.ts';
import type { Article, Dataset } from './types.ts';

/** Bumped when the stored form changes. */
const FORMAT = 'reconcile-cache 3';

/** The entry: the result's members at the top level, so each list is read back element by element. */
interface Stored extends ReconcileResult {
  format: string;
  key: string;
  /** Each event's identity, in the order ids were assigned, and the ids (see the module comment). */
  identities: IdentityDraft[];
  ids: string[];
}

/** How the entry begins (compact JSON, format and key first): `{"format":"…","key":"<hex>"`. */
const HEAD = new RegExp(`^\\{"format":${JSON.stringify(FORMAT)},"key":"([0-9a-f]{64})"`);

let codeMemo: string | null = null;

/** A hash of all of src/ (reconcile reads values, text and types modules besides its own). */
export function wholeCodeVersion(): string {
  codeMemo ??= hashSources(['.']);
  return codeMemo;
}

/** The hash of what `reconcile(input)` reads but `input.previous` (see the module comment). */
export function reconcileKey(input: ReconcileInput): string {
  const hash = createHash('sha256');
  const add = (value: unknown): void => {
    hash.update(JSON.stringify(value) ?? 'undefined');
    hash.update('\u0000');
  };
  add([FORMAT, wholeCodeVersion(), input.articles.length, input.events.length, input.claims.length]);
  for (const a of input.articles) add(articleIdentity(a));
  for (const e of input.events) add(e);
  for (const c of input.claims) add(c);
  return hash.digest('hex');
}

/** All an article holds but its text, which its sha256 stands for: every field a stage may read. */
export function articleIdentity(a: Article): unknown[] {
  return [a.id, a.path, a.format, a.sha256, a.body, a.origin, a.meta, a.inferences];
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export class ReconcileCache implements ReconcileStage {
  /** Whether the last `through` was served from the cache (for `--timings` and tests). */
  hit = false;
  /** The key of the last `through`'s inputs (null before the first), which its entry is stored under. */
  lastKey: string | null = null;

  /** `file`: the cache entry (its folder is created when first written). */
  constructor(private readonly file: string) {}

  through(input: ReconcileInput, build: (input: ReconcileInput) => ReconcileResult): ReconcileResult {
    // Before building: reconcile rewrites the claims it is given (claimsOwned).
    const key = reconcileKey(input);
    this.lastKey = key;
    const served = this.serve(key, input.previous ?? null);
    if (served) return served;
    let identities: IdentityDraft[] = [];
    let ids: string[] = [];
    const result = build({
      ...input,
      onIds: (drafts, assigned) => {
        identities = drafts.map(({ type, date, participants, mentions, sources }) => ({ type, date, participants, mentions, sources }));
        ids = [...assigned];
      },
    });
    this.write({ format: FORMAT, key, identities, ids, ...result });
    return result;
  }

  /**
   * The stored result when the entry is the one for `key` and its events get the same ids
   * against `previous` as when it was stored (see the module comment); else null.
   */
  serve(key: string, previous: Dataset | null): ReconcileResult | null {
    this.hit = false;
    const stored = this.storedKey() === key ? this.read() : null;
    if (stored?.key !== key || !sameIds(assignEventIds(stored.identities, previous), stored.ids)) return null;
    this.hit = true;
    const { events, conflicts, claims, primaryEvents, stories, primaryStories } = stored;
    return { events, conflicts, claims, primaryEvents, stories, primaryStories };
  }

  /** The key of the stored entry, read from its first bytes (null: none, or another format). */
  storedKey(): string | null {
    let fd: number | null = null;
    try {
      fd = openSync(this.file, 'r');
      const head = Buffer.alloc(128);
      const read = readSync(fd, head, 0, head.length, 0);
      return HEAD.exec(head.toString('latin1', 0, read))?.[1] ?? null;
    } catch {
      return null; // no entry yet, or unreadable
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }

  /** The stored entry, or null (an entry without the fields checked here is one of another format). */
  private read(): Stored | null {
    try {
      const stored = readJsonObjectFile(this.file) as unknown as Stored;
      const lists = [stored.identities, stored.ids, stored.events, stored.conflicts, stored.claims, stored.stories];
      return stored.format === FORMAT && typeof stored.key === 'string' && lists.every(Array.isArray) && isRecord(stored.primaryEvents) && isRecord(stored.primaryStories)
        ? stored
        : null;
    } catch {
      return null; // unreadable or cut short: reconcile again
    }
  }

  private write(stored: Stored): void {
    const partial = `${this.file}.partial`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeChunks(partial, storedChunks(stored));
      renameSync(partial, this.file);
    } catch {
      // a cache that cannot be written only makes the next run slower
      rmSync(partial, { force: true });
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `JSON.stringify(stored)`, one chunk per list element (format and key first, as HEAD expects). */
function* storedChunks(stored: Stored): Generator<string> {
  let first = true;
  for (const [name, value] of Object.entries(stored)) {
    yield `${first ? '{' : ','}${JSON.stringify(name)}:`;
    first = false;
    if (!Array.isArray(value)) {
      yield JSON.stringify(value);
      continue;
    }
    for (let i = 0; i < value.length; i++) yield `${i === 0 ? '[' : ','}${JSON.stringify(value[i]) ?? 'null'}`;
    yield value.length === 0 ? '[]' : ']';
  }
  yield '}';
}
