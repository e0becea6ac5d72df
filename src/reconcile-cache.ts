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
 * reconciles). The result is stored as JSON, which is how the outputs are
 * written too, so a hit writes the same bytes as a rebuild (tests/reconcile-cache.test.ts).
 * One entry: the newest.
 *
 * Dumps of more than MAX_CACHED_ARTICLES articles are not cached: the stored result is
 * about as big as events.json plus claims.jsonl (~300 MB at 100k short articles), too
 * big to write on every run for the seconds a hit would save there.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashSources } from './cache.ts';
import type { ReconcileStage } from './pipeline.ts';
import { assignEventIds, type IdentityDraft } from './reconcile/ids.ts';
import type { ReconcileInput, ReconcileResult } from './reconcile/index.ts';

/** Largest dump whose reconciliation is cached. */
export const MAX_CACHED_ARTICLES = 50_000;

/** Bumped when the stored form changes. */
const FORMAT = 'reconcile-cache 2';

interface Stored {
  key: string;
  /** Each event's identity, in the order ids were assigned, and the ids (see the module comment). */
  identities: IdentityDraft[];
  ids: string[];
  result: ReconcileResult;
}

let codeMemo: string | null = null;

/** A hash of all of src/ (reconcile reads values, text and types modules besides its own). */
function codeVersion(): string {
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
  add([FORMAT, codeVersion(), input.articles.length, input.events.length, input.claims.length]);
  for (const a of input.articles) add([a.id, a.path, a.format, a.sha256, a.body, a.origin, a.meta, a.inferences]);
  for (const e of input.events) add(e);
  for (const c of input.claims) add(c);
  return hash.digest('hex');
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export class ReconcileCache implements ReconcileStage {
  /** Whether the last `through` was served from the cache (for `--timings` and tests). */
  hit = false;

  /** `file`: the cache entry (its folder is created when first written). */
  constructor(private readonly file: string) {}

  through(input: ReconcileInput, build: (input: ReconcileInput) => ReconcileResult): ReconcileResult {
    this.hit = false;
    if (input.articles.length > MAX_CACHED_ARTICLES) return build(input);
    // Before building: reconcile rewrites the claims it is given (claimsOwned).
    const key = reconcileKey(input);
    const stored = this.read();
    if (stored?.key === key && sameIds(assignEventIds(stored.identities, input.previous ?? null), stored.ids)) {
      this.hit = true;
      return stored.result;
    }
    let identities: IdentityDraft[] = [];
    let ids: string[] = [];
    const result = build({
      ...input,
      onIds: (drafts, assigned) => {
        identities = drafts.map(({ type, date, participants, mentions, sources }) => ({ type, date, participants, mentions, sources }));
        ids = [...assigned];
      },
    });
    this.write({ key, identities, ids, result });
    return result;
  }

  /** The stored entry, or null (an entry without the fields checked here is one of another format). */
  private read(): Stored | null {
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as Stored;
      return typeof stored?.key === 'string' && Array.isArray(stored.identities) && Array.isArray(stored.ids) && stored.result ? stored : null;
    } catch {
      return null; // missing, unreadable or cut short: reconcile again
    }
  }

  private write(stored: Stored): void {
    const partial = `${this.file}.partial`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(partial, JSON.stringify(stored));
      renameSync(partial, this.file);
    } catch {
      // a cache that cannot be written only makes the next run slower
      rmSync(partial, { force: true });
    }
  }
}
