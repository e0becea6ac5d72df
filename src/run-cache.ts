/**
 * A rerun with the same articles and code as the last run skips everything between ingest
 * and the outputs. That is the review loop again: the reviewer edits decisions.json and
 * regenerates, and the decisions are applied after reconciliation (cli.ts). The article
 * caches (cache.ts, event-cache.ts) and the reconciliation cache (reconcile-cache.ts) already
 * make such a run rebuild nothing, but it still reads every article's two cache files,
 * resolves entities, writes mentions.jsonl again and hashes every event mention and claim
 * for the reconciliation's key: at 100k short articles that was most of a 30 s rerun.
 *
 * Everything the pipeline builds before reconciling (mentions, event mentions, claims) is a
 * function of the articles and the code alone, so a run recorded under a hash of those two
 * (`runKey`) stands for all of it. The record (`run.json` beside the reconciliation's entry)
 * names that hash, the key of the reconciliation entry the run stored and the bytes of the
 * mentions.jsonl it wrote. A later run with the same hash takes the stored reconciliation
 * (ids checked against its previous dataset as usual) and keeps mentions.jsonl as it is,
 * provided the entry is still that run's and the file's bytes are still the same
 * (sha256: a file edited, truncated or written by a `--no-cache` run of other inputs does
 * not match). Anything else and the run goes the long way, through the article caches.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReconcileResult } from './reconcile/index.ts';
import { articleIdentity, wholeCodeVersion, type ReconcileCache } from './reconcile-cache.ts';
import type { Article, Dataset } from './types.ts';

/** Bumped when the record's form or what the key covers changes. */
const FORMAT = 'run-cache 1';

interface RunRecord {
  format: string;
  /** runKey of the run. */
  run: string;
  /** The key its reconciliation was stored under (ReconcileCache.lastKey). */
  reconcile: string;
  /** What it wrote to mentions.jsonl. */
  mentions: { bytes: number; sha256: string };
}

/** A hash of the code (all of src/) and of every article's identity, in order: what the stages before reconciliation read. */
export function runKey(articles: readonly Article[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, wholeCodeVersion(), articles.length]));
  for (const a of articles) {
    hash.update('\u0000');
    hash.update(JSON.stringify(articleIdentity(a)));
  }
  return hash.digest('hex');
}

/** The sha256 and size of a file, read in 1 MB pieces (mentions.jsonl is over a GB at a million articles); null if unreadable. */
export function fileDigest(file: string): { bytes: number; sha256: string } | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    let bytes = 0;
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; bytes += read) hash.update(buffer.subarray(0, read));
    return { bytes, sha256: hash.digest('hex') };
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export class RunCache {
  private readonly key: string;

  /**
   * `file`: the record (its folder is created when first written); `articles`: this run's,
   * hashed at once (runKey); `reconcileCache`: where this run's reconciliation is stored.
   */
  constructor(
    private readonly file: string,
    articles: readonly Article[],
    private readonly reconcileCache: ReconcileCache,
  ) {
    this.key = runKey(articles);
  }

  /**
   * The reconciliation of the recorded run when this run's articles and code are that run's,
   * the reconciliation cache still holds its entry (with the same ids against `previous`) and
   * `mentionsFile` still holds what it wrote; else null.
   */
  serve(mentionsFile: string, previous: Dataset | null): ReconcileResult | null {
    const record = this.read();
    if (!record || record.run !== this.key || this.reconcileCache.storedKey() !== record.reconcile) return null;
    const digest = fileDigest(mentionsFile);
    if (!digest || digest.bytes !== record.mentions.bytes || digest.sha256 !== record.mentions.sha256) return null;
    return this.reconcileCache.serve(record.reconcile, previous);
  }

  /** Records this run, which went the long way: its runKey, its reconciliation's key and the mentions file it wrote. */
  record(mentionsFile: string): void {
    const reconcile = this.reconcileCache.lastKey;
    const mentions = fileDigest(mentionsFile);
    const partial = `${this.file}.partial`;
    try {
      if (!reconcile || !mentions) throw new Error('nothing to record');
      mkdirSync(path.dirname(this.file), { recursive: true });
      const record: RunRecord = { format: FORMAT, run: this.key, reconcile, mentions };
      writeFileSync(partial, `${JSON.stringify(record)}\n`);
      renameSync(partial, this.file);
    } catch {
      // without a record the next run only goes the long way; the last run's must not stand for this one's outputs
      rmSync(partial, { force: true });
      rmSync(this.file, { force: true });
    }
  }

  private read(): RunRecord | null {
    try {
      const record = JSON.parse(readFileSync(this.file, 'utf8')) as RunRecord;
      const valid =
        record.format === FORMAT &&
        typeof record.run === 'string' &&
        typeof record.reconcile === 'string' &&
        typeof record.mentions?.bytes === 'number' &&
        typeof record.mentions?.sha256 === 'string';
      return valid ? record : null;
    } catch {
      return null; // none yet, or unreadable
    }
  }
}
