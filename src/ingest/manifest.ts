import type { ArticleMeta, Problem } from '../types.ts';
import { LineIndex } from '../text/location.ts';
import { decodeBytes } from './decode.ts';
import { problem } from './draft.ts';
import { scanJson } from './json-scan.ts';
import { readMetaFields } from './meta.ts';

/**
 * A folder's `manifest.json`: an array of `{file, outlet, published, title?, url?,
 * timezone?, language?, note?}` giving metadata to files in that folder.
 *
 * Precedence, field by field: what a file says about itself (front matter, a JSON
 * record's fields, HTML metadata) wins over the manifest, because it travels with
 * the text; the manifest fills the gaps; inference fills what is still missing.
 */

export interface ManifestEntry {
  /** `/`-separated path relative to the manifest's folder. */
  file: string;
  meta: Partial<ArticleMeta>;
  line: number;
}

export interface Manifest {
  /** Keyed by `file` (as written, `./` and `\` normalized). */
  entries: Map<string, ManifestEntry>;
  /** Problems with the manifest as a whole or with entries that name no file. */
  problems: Problem[];
  /** Problems with the entry of one file (reported only when that file is an input). */
  entryProblems: { file: string; problem: Problem }[];
}

export function normalizeManifestFile(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/**
 * Parses a manifest. `exists` says whether an entry's file is there (relative to
 * the manifest's folder), so entries for missing files are reported at their line.
 */
export function parseManifest(path: string, bytes: Uint8Array, exists: (file: string) => boolean): Manifest {
  const entries = new Map<string, ManifestEntry>();
  const problems: Problem[] = [];
  const entryProblems: Manifest['entryProblems'] = [];
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    problems.push(problem(path, null, 'error', `manifest: ${decoded.message}`));
    return { entries, problems, entryProblems };
  }
  const src = decoded.text;
  const lines = new LineIndex(src);
  const lineAt = (offset: number): number => lines.locate(offset).line;
  const scan = scanJson(src);
  let data: unknown;
  try {
    data = JSON.parse(src.replace(/^\uFEFF/, ''));
  } catch (error) {
    const offset = scan.errorOffset >= 0 ? scan.errorOffset : src.length;
    const reason = scan.errorMessage ?? (error as Error).message;
    problems.push(problem(path, lineAt(offset), 'error', `manifest: invalid JSON: ${reason}; its metadata is not applied`));
    return { entries, problems, entryProblems };
  }
  if (!Array.isArray(data)) {
    problems.push(problem(path, lineAt(scan.root.start), 'error', 'manifest: expected an array of {file, outlet, published, …} entries'));
    return { entries, problems, entryProblems };
  }
  data.forEach((item: unknown, index) => {
    const loc = scan.records[index];
    const line = loc ? lineAt(loc.start) : null;
    const keyLine = (key: string): number | null => {
      const at = loc?.keys.get(key);
      return at !== undefined ? lineAt(at) : line;
    };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(problem(path, line, 'error', `manifest entry ${index + 1}: expected an object`));
      return;
    }
    const record = item as Record<string, unknown>;
    if (typeof record.file !== 'string' || record.file.trim() === '') {
      problems.push(problem(path, line, 'error', `manifest entry ${index + 1}: missing "file"`));
      return;
    }
    const file = normalizeManifestFile(record.file.trim());
    if (entries.has(file)) {
      entryProblems.push({ file, problem: problem(path, line, 'warning', `duplicate manifest entry for ${file}; the first one is used`) });
      return;
    }
    if (!exists(file)) {
      entryProblems.push({ file, problem: problem(path, line, 'error', `manifest entry for missing file ${file}`) });
      return;
    }
    const { meta, issues } = readMetaFields(record);
    for (const issue of issues) {
      entryProblems.push({ file, problem: problem(path, keyLine(issue.key), issue.severity, `manifest entry for ${file}: ${issue.message}`) });
    }
    entries.set(file, { file, meta, line: line ?? 1 });
  });
  return { entries, problems, entryProblems };
}
