import type { Problem } from '../types.ts';
import { LineIndex } from '../text/location.ts';
import { problem, type ArticleDraft, type FileReadResult } from './draft.ts';
import { scanJson, type RecordLocation } from './json-scan.ts';
import { recordToDraft } from './records.ts';

/**
 * `.json`: one record, an array of records, or `{articles: [...]}`. Records'
 * problems point at the line where the record (or the offending key) starts.
 */
export function readJsonFile(path: string, src: string, idStem: string): FileReadResult {
  const problems: Problem[] = [];
  const drafts: ArticleDraft[] = [];
  const lines = new LineIndex(src);
  const lineAt = (offset: number): number => lines.locate(offset).line;
  const scan = scanJson(src);
  let data: unknown;
  try {
    data = JSON.parse(src.startsWith('\uFEFF') ? src.slice(1) : src);
  } catch (error) {
    const offset = scan.errorOffset >= 0 ? scan.errorOffset : src.length;
    problems.push(problem(path, lineAt(offset), 'error', `invalid JSON: ${scan.errorMessage ?? (error as Error).message}`));
    return { drafts, problems };
  }

  let records: unknown[];
  let locations: (RecordLocation | undefined)[];
  let single = false;
  if (Array.isArray(data)) {
    records = data;
    locations = scan.records;
  } else if (typeof data === 'object' && data !== null && Array.isArray((data as { articles?: unknown }).articles)) {
    records = (data as { articles: unknown[] }).articles;
    locations = scan.records;
  } else if (typeof data === 'object' && data !== null && ('maintext' in data || 'text' in data)) {
    records = [data];
    locations = [scan.root];
    single = true;
  } else {
    problems.push(
      problem(path, lineAt(scan.root.start), 'error', 'unexpected JSON shape: expected a record with "maintext"/"text", an array of records, or {"articles": [...]}'),
    );
    return { drafts, problems };
  }
  if (records.length === 0) {
    problems.push(problem(path, lineAt(scan.root.start), 'error', 'no records in JSON file'));
    return { drafts, problems };
  }

  records.forEach((record, index) => {
    const loc = locations[index];
    const line = loc ? lineAt(loc.start) : 1;
    const result = recordToDraft(record, {
      path,
      format: 'json',
      line,
      originLine: 1,
      fallbackId: single ? idStem : `${idStem}-${index + 1}`,
      seq: index,
      keyLine: (key) => {
        const offset = loc?.keys.get(key);
        return offset !== undefined ? lineAt(offset) : null;
      },
    });
    problems.push(...result.problems);
    if (result.draft) drafts.push(result.draft);
  });
  return { drafts, problems };
}
