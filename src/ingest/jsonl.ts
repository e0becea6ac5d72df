import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Problem } from '../types.ts';
import { decodeBytes, firstInvalidUtf8, looksBinary } from './decode.ts';
import { problem, type ArticleDraft, type FileReadResult } from './draft.ts';
import { recordToDraft } from './records.ts';

/**
 * `.jsonl`: one record per line, read as a stream (readline over a file stream), so
 * a large dump is never held whole as one string. A broken line is reported and the
 * other lines are kept.
 */
export async function readJsonlFile(absPath: string, path: string, idStem: string): Promise<FileReadResult> {
  const head = await readHead(absPath, 8192);
  if (head.length === 0) return { drafts: [], problems: [problem(path, null, 'error', 'empty file')] };
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    // UTF-16 cannot be split on the 0x0A byte: rare enough to decode whole.
    const decoded = decodeBytes(await readFile(absPath));
    if (!decoded.ok) return { drafts: [], problems: [problem(path, null, 'error', decoded.message)] };
    return readJsonlLines(path, idStem, decoded.text.split(/\r?\n/));
  }
  if (looksBinary(head)) return { drafts: [], problems: [problem(path, null, 'error', 'binary file, skipped')] };

  const notes: Problem[] = [];
  const bad = firstInvalidUtf8(head);
  // A bad byte only counts if it is not a sequence cut at the end of the sniffed block.
  if (bad !== -1 && (head.length < 8192 || bad < head.length - 4)) {
    notes.push(problem(path, null, 'warning', 'not valid UTF-8; invalid bytes read as U+FFFD'));
  }
  const lines = createInterface({ input: createReadStream(absPath), crlfDelay: Infinity });
  const result = await readJsonlLines(path, idStem, lines);
  result.problems.unshift(...notes);
  return result;
}

async function readHead(absPath: string, size: number): Promise<Uint8Array> {
  const handle = await open(absPath, 'r');
  try {
    const buffer = new Uint8Array(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Parses lines (an array or a readline stream) into drafts; blank lines are skipped. */
export async function readJsonlLines(
  path: string,
  idStem: string,
  lines: Iterable<string> | AsyncIterable<string>,
): Promise<FileReadResult> {
  const drafts: ArticleDraft[] = [];
  const problems: Problem[] = [];
  let lineNo = 0;
  let records = 0;
  for await (const rawLine of lines) {
    lineNo++;
    const line = lineNo === 1 && rawLine.startsWith('\uFEFF') ? rawLine.slice(1) : rawLine;
    if (line.trim() === '') continue;
    records++;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      problems.push(problem(path, lineNo, 'error', `invalid JSON: ${shortJsonError(error as Error)}; line skipped`));
      continue;
    }
    const result = recordToDraft(record, {
      path,
      format: 'jsonl',
      line: lineNo,
      originLine: lineNo,
      fallbackId: `${idStem}-${lineNo}`,
      seq: lineNo,
    });
    problems.push(...result.problems);
    if (result.draft) drafts.push(result.draft);
  }
  if (records === 0) problems.push(problem(path, null, 'error', 'empty file'));
  return { drafts, problems };
}

/** V8 quotes the whole offending input in its message; keep the reason, not a megabyte of it. */
function shortJsonError(error: Error): string {
  const message = error.message;
  const quoted = message.indexOf(', "');
  const reason = quoted > 0 ? message.slice(0, quoted) : message;
  return reason.length > 120 ? `${reason.slice(0, 117)}...` : reason;
}
