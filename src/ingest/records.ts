import type { ArticleMeta, InputFormat, Problem } from '../types.ts';
import { problem, type ArticleDraft } from './draft.ts';
import { idFrom } from './ids.ts';
import { readMetaFields } from './meta.ts';
import { outletForDomain } from './outlets.ts';

/**
 * One news-please style record (`title`, `maintext`, `date_publish`, `source_domain`,
 * `url`, `language`; `text`, `published`, `outlet`, `id` also accepted) → a draft.
 * The record's text field is the article text, exactly as decoded from JSON.
 */

export interface RecordContext {
  path: string;
  format: Extract<InputFormat, 'json' | 'jsonl'>;
  /** Line of the record's start in its file (problems point there). */
  line: number;
  /** Line where the article text counts from: the record's line for JSONL, 1 for JSON. */
  originLine: number;
  /** Id used when the record has none (`feed-12`). */
  fallbackId: string;
  seq: number;
  /** Line of a key inside the record, when known (pretty-printed JSON). */
  keyLine?: (key: string) => number | null;
}

export function recordToDraft(record: unknown, ctx: RecordContext): { draft: ArticleDraft | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (key: string): number => ctx.keyLine?.(key) ?? ctx.line;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    problems.push(problem(ctx.path, ctx.line, 'error', `expected a record object, found ${Array.isArray(record) ? 'an array' : record === null ? 'null' : typeof record}`));
    return { draft: null, problems };
  }
  const r = record as Record<string, unknown>;
  const textKey = ['maintext', 'text'].find((k) => typeof r[k] === 'string' && (r[k] as string).trim() !== '');
  if (textKey === undefined) {
    problems.push(problem(ctx.path, ctx.line, 'error', 'record has no text (expected a non-empty "maintext" or "text" string)'));
    return { draft: null, problems };
  }
  const text = r[textKey] as string;

  const { meta, issues } = readMetaFields(r, { published: ['date_publish'] });
  for (const issue of issues) problems.push(problem(ctx.path, at(issue.key), issue.severity, issue.message));
  if (meta.outlet === undefined && typeof r.source_domain === 'string') {
    const outlet = outletForDomain(r.source_domain);
    if (outlet !== null) meta.outlet = outlet;
  }

  const rawId = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : null;
  const recordId = rawId !== null && rawId.trim() !== '' ? idFrom(rawId, [ctx.path, String(ctx.line), rawId]) : null;
  const draft: ArticleDraft = {
    recordId,
    idStem: ctx.fallbackId,
    path: ctx.path,
    format: ctx.format,
    text,
    body: { start: 0, end: text.length },
    origin: { line: ctx.originLine },
    meta: meta as Partial<ArticleMeta>,
    seq: ctx.seq,
    recordLine: ctx.line,
  };
  return { draft, problems };
}
