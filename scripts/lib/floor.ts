/**
 * The speed floor: what one core needs just to run the two libraries every article
 * must go through anyway — remark-parse (markdown structure) and chrono-node (dates)
 * — over the same texts. The pipeline's cost is reported as a ratio to this.
 */
import * as chrono from 'chrono-node';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { CorpusText } from './corpus.ts';

/** Marks the report line of scripts/lib/floor-child.ts. */
export const FLOOR_MARKER = 'FLOOR-REPORT ';

export interface FloorResult {
  articles: number;
  /** UTF-8 bytes of the texts. */
  bytes: number;
  ms: number;
  /** Work done, so nothing is optimised away and runs can be compared. */
  nodes: number;
  dates: number;
}

/** Where relative dates hang when the text has no publication date (fixed: runs stay deterministic). */
const DEFAULT_REFERENCE = new Date('2020-01-01T12:00:00Z');

export function referenceDate(published: string | null): Date {
  if (!published) return DEFAULT_REFERENCE;
  const date = new Date(/T/.test(published) ? published : `${published.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? DEFAULT_REFERENCE : date;
}

function countNodes(node: { children?: unknown[] }): number {
  let n = 1;
  if (node.children) for (const child of node.children) n += countNodes(child as { children?: unknown[] });
  return n;
}

/** Runs remark-parse + chrono.parse over every text on the current thread, timing only that work. */
export function runFloor(texts: readonly CorpusText[]): FloorResult {
  const processor = unified().use(remarkParse);
  let nodes = 0;
  let dates = 0;
  let bytes = 0;
  for (const t of texts) bytes += Buffer.byteLength(t.text, 'utf8');
  const started = performance.now();
  for (const t of texts) {
    nodes += countNodes(processor.parse(t.text));
    dates += chrono.parse(t.text, referenceDate(t.published)).length;
  }
  return { articles: texts.length, bytes, ms: performance.now() - started, nodes, dates };
}
