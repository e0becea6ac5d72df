import { parseDocument, isMap, isScalar } from 'yaml';
import type { Problem } from '../types.ts';
import { LineIndex } from '../text/location.ts';
import { problem, type ArticleDraft, type FileReadResult } from './draft.ts';
import { readMetaFields } from './meta.ts';

/**
 * `.txt` / `.md`: one article per file. `text` is the whole decoded file, front
 * matter included, so offsets and lines are the file's own; `body` is what comes
 * after the front matter (and after a BOM).
 */

export interface FrontMatter {
  /** Offsets of the YAML between the delimiter lines. */
  yaml: { start: number; end: number };
  /** Where the body starts: just after the closing delimiter's line break. */
  bodyStart: number;
}

/**
 * Finds `---` … `---` (or `...`) front matter at the very start (after an optional
 * BOM). Only the first line is tested before scanning, so a file that does not
 * start with `---` costs nothing, and the closing search is one linear pass.
 */
export function findFrontMatter(text: string): FrontMatter | null {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(start, start + 64));
  if (!open) return null;
  const yamlStart = start + open[0].length;
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  closing.lastIndex = yamlStart;
  const m = closing.exec(text);
  if (!m) return null;
  return { yaml: { start: yamlStart, end: m.index }, bodyStart: m.index + m[0].length };
}

export function readTextFile(
  path: string,
  text: string,
  format: 'text' | 'markdown',
  idStem: string,
): FileReadResult {
  const problems: Problem[] = [];
  const bomLength = text.startsWith('\uFEFF') ? 1 : 0;
  const draft: ArticleDraft = {
    recordId: null,
    idStem,
    path,
    format,
    text,
    body: { start: bomLength, end: text.length },
    origin: { line: 1 },
    meta: {},
    seq: 0,
    recordLine: null,
  };
  const fm = findFrontMatter(text);
  if (fm) {
    const lines = new LineIndex(text);
    const lineAt = (yamlOffset: number): number => lines.locate(fm.yaml.start + yamlOffset).line;
    const doc = parseDocument(text.slice(fm.yaml.start, fm.yaml.end), { prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      problems.push(
        problem(path, lineAt(error.pos[0]), 'warning', `invalid YAML front matter (${error.message.split('\n')[0]}); read as text without front matter`),
      );
    } else if (doc.contents !== null && !isMap(doc.contents)) {
      problems.push(problem(path, lineAt(0), 'warning', 'front matter is not a key: value mapping; read as text without front matter'));
    } else {
      draft.body = { start: fm.bodyStart, end: text.length };
      const data = (doc.toJS() ?? {}) as Record<string, unknown>;
      const keyLine = (key: string): number => {
        if (isMap(doc.contents)) {
          for (const pair of doc.contents.items) {
            if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return lineAt(pair.key.range[0]);
          }
        }
        return lineAt(0);
      };
      const { meta, issues } = readMetaFields(data, { published: ['date'], outlet: ['source'], language: ['lang'] });
      draft.meta = meta;
      for (const issue of issues) {
        problems.push(problem(path, keyLine(issue.key), issue.severity, `front matter: ${issue.message}`));
      }
    }
  }
  return { drafts: [draft], problems };
}
