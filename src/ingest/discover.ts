import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep, dirname, basename, extname } from 'node:path';
import type { InputFormat, Problem } from '../types.ts';
import { problem } from './draft.ts';

/**
 * Turns the command line's PATHs into a sorted list of input files. Folders are
 * walked recursively; dotfiles and node_modules are skipped; `manifest.json` and
 * `decisions.json` are not articles (a manifest is found through its folder).
 */

export interface DiscoveredFile {
  abs: string;
  /** Relative to cwd, `/`-separated. */
  path: string;
  format: InputFormat | 'skipped';
}

export interface Discovery {
  files: DiscoveredFile[];
  /**
   * Absolute folders whose manifest.json (if there is one) applies to the inputs.
   * `walked`: the folder was searched, so all of its manifest's entries are checked;
   * otherwise only files named on their own are in it (`named`, relative to it).
   */
  manifestDirs: { dir: string; walked: boolean; named: string[] }[];
  problems: Problem[];
}

const FORMATS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
};

/** Files that sit among inputs but are not articles. */
export const NOT_ARTICLES = new Set(['manifest.json', 'decisions.json']);

export function formatOf(fileName: string): InputFormat | null {
  return FORMATS[extname(fileName).toLowerCase()] ?? null;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** Code-unit order, not locale order, so every machine sorts the same way. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function discover(paths: readonly string[], cwd: string): Promise<Discovery> {
  const found = new Map<string, DiscoveredFile>();
  const manifestDirs = new Map<string, { dir: string; walked: boolean; named: string[] }>();
  const manifestDir = (dir: string) => {
    let entry = manifestDirs.get(dir);
    if (!entry) manifestDirs.set(dir, (entry = { dir, walked: false, named: [] }));
    return entry;
  };
  const problems: Problem[] = [];

  const addFile = (abs: string): void => {
    if (found.has(abs)) return;
    const name = basename(abs);
    if (NOT_ARTICLES.has(name)) {
      if (name === 'manifest.json') manifestDir(dirname(abs)).walked = true;
      return;
    }
    const path = displayPath(abs, cwd);
    const format = formatOf(name);
    if (format === null) {
      const ext = extname(name);
      problems.push(problem(path, null, 'warning', ext ? `skipped: unsupported file type ${ext}` : 'skipped: file has no extension'));
      found.set(abs, { abs, path, format: 'skipped' });
      return;
    }
    found.set(abs, { abs, path, format });
  };

  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(problem(displayPath(dir, cwd), null, 'error', `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`));
      return;
    }
    entries.sort((a, b) => comparePaths(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs);
      else if (entry.isFile()) addFile(abs);
      else if (entry.isSymbolicLink()) {
        // Follow links to files only: a link to a folder could loop.
        const info = await stat(abs).catch(() => null);
        if (info?.isFile()) addFile(abs);
        else problems.push(problem(displayPath(abs, cwd), null, 'warning', 'skipped: broken link or link to a folder'));
      }
    }
  };

  for (const input of paths) {
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      const reason = info.code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${info.code ?? info.message}`;
      problems.push(problem(input.split(sep).join('/'), null, 'error', reason));
    } else if (info.isDirectory()) {
      await walk(abs);
    } else {
      const name = basename(abs);
      if (name === 'manifest.json') manifestDir(dirname(abs)).walked = true;
      else if (name === 'decisions.json') problems.push(problem(displayPath(abs, cwd), null, 'warning', 'skipped: decisions.json is not an article (pass it with --decisions)'));
      else addFile(abs);
      // A file named on its own still gets its folder's manifest.
      manifestDir(dirname(abs)).named.push(name);
    }
  }

  const files = [...found.values()].sort((a, b) => comparePaths(a.path, b.path));
  const dirs = [...manifestDirs.values()].sort((a, b) => comparePaths(a.dir, b.dir));
  return { files, manifestDirs: dirs, problems };
}

/** Bytes of the article files under `paths` (skipped and unreadable files left out: ingest reports them). */
export async function inputBytes(paths: readonly string[], cwd: string): Promise<number> {
  const { files } = await discover(paths, cwd);
  let bytes = 0;
  for (const file of files) {
    if (file.format === 'skipped') continue;
    try {
      bytes += (await stat(file.abs)).size;
    } catch {
      // unreadable: ingest reports it
    }
  }
  return bytes;
}
