import type { ArticleMeta, InputFormat, Problem, Span } from '../types.ts';

/**
 * What a format reader hands back before ids, manifest defaults and inference are
 * applied: the raw text with its body span, and the metadata the file itself gave.
 */
export interface ArticleDraft {
  /** The record's own id (JSON/JSONL `id`), or null to derive one from the path. */
  recordId: string | null;
  /** Fallback id stem when there is no record id (`000_abc`, `feed-12`). */
  idStem: string;
  path: string;
  format: InputFormat;
  text: string;
  body: Span;
  origin: { line: number };
  /** Metadata stated by the file itself; null/absent fields may come from the manifest. */
  meta: Partial<ArticleMeta>;
  /** Order of the record inside its file, for the stable sort. */
  seq: number;
  /** Line of the record in its file, for article-level problems (null for whole-file articles). */
  recordLine: number | null;
}

/** A format reader's result for one file. */
export interface FileReadResult {
  drafts: ArticleDraft[];
  problems: Problem[];
}

/** An empty metadata record. */
export function emptyMeta(): ArticleMeta {
  return { outlet: null, published: null, title: null, url: null, timezone: null, language: null };
}

export function problem(
  path: string,
  line: number | null,
  severity: Problem['severity'],
  message: string,
): Problem {
  return { path, line, severity, message };
}
