/**
 * Serializers for the machine-readable outputs. Pure: data in, text out.
 * Byte-identical reruns depend on this module: fixed key order (by construction),
 * arrays already sorted by the stages, `\n` line ends, a final newline.
 *
 * Each output exists as a generator of chunks (`…Chunks`) and as one string (the
 * chunks joined, for tests and small callers). Writers use the chunks: at 100k
 * articles one string per file passes V8's maximum string length
 * ("Invalid string length"), and it doubles peak memory anyway.
 */
import { lineIndexFor } from '../text/location.ts';
import type { Article, Claim, Dataset, Mention, Problem } from '../types.ts';

/** Values JSON.stringify leaves out of objects and writes as null in arrays. */
const omitted = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * `JSON.stringify(value, null, 2)` as chunks, byte for byte: arrays and plain objects
 * down to `depth` levels are written piece by piece (one chunk per element), and
 * what is below is stringified whole and re-indented (JSON strings never contain a
 * raw newline, so every "\n" in a stringified element is a line break to indent).
 */
export function* jsonChunks(value: unknown, depth = 2, indent = ''): Generator<string> {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON('');
  }
  if (depth <= 0 || value === null || typeof value !== 'object') {
    const text = JSON.stringify(value, null, 2) ?? 'null';
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      const item: unknown = value[i];
      if (omitted(item)) yield 'null';
      else yield* jsonChunks(item, depth - 1, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (omitted(item)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonChunks(item, depth - 1, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** The canonical dataset: `JSON.stringify(dataset, null, 2)` and a final newline, streamed per source, event, conflict, problem. */
export function* datasetJsonChunks(dataset: Dataset): Generator<string> {
  yield* jsonChunks(dataset, 2);
  yield '\n';
}

export function datasetJson(dataset: Dataset): string {
  return [...datasetJsonChunks(dataset)].join('');
}

export function* claimsJsonlChunks(claims: readonly Claim[]): Generator<string> {
  for (const c of claims) {
    yield `${JSON.stringify({
      id: c.id,
      event: c.event,
      attribute: c.attribute,
      value: c.value,
      text: c.text,
      source: c.source,
      evidence: c.evidence,
      attribution: c.attribution,
      modality: c.modality,
    })}\n`;
  }
}

export function claimsJsonl(claims: readonly Claim[]): string {
  return [...claimsJsonlChunks(claims)].join('');
}

/** One line per mention: the contract's fields, then line/column and the rule that made it. */
export function* mentionsJsonlChunks(mentions: readonly Mention[], articles: readonly Article[]): Generator<string> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const m of mentions) {
    const article = byId.get(m.source);
    const place = article ? lineIndexFor(article).locate(m.start) : null;
    yield `${JSON.stringify({
      source: m.source,
      kind: m.kind,
      start: m.start,
      end: m.end,
      text: m.text,
      value: m.value,
      line: place ? place.line + (article!.origin.line - 1) : null,
      column: place?.column ?? null,
      rule: m.rule,
    })}\n`;
  }
}

export function mentionsJsonl(mentions: readonly Mention[], articles: readonly Article[]): string {
  return [...mentionsJsonlChunks(mentions, articles)].join('');
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.severity.localeCompare(b.severity) ||
      a.message.localeCompare(b.message),
  );
}

/** `path:line: severity: message`, the form editors and CI logs understand. */
export function formatProblem(problem: Problem): string {
  const where = problem.line == null ? problem.path : `${problem.path}:${problem.line}`;
  return `${where}: ${problem.severity}: ${problem.message}`;
}
