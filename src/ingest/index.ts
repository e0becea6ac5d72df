import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Article, ArticleMeta, IngestResult, MetaField, Problem } from '../types.ts';
import { LineIndex } from '../text/location.ts';
import { sha256 } from '../text/hash.ts';
import { decodeBytes } from './decode.ts';
import { comparePaths, discover, displayPath, type DiscoveredFile } from './discover.ts';
import { emptyMeta, problem, type ArticleDraft, type FileReadResult } from './draft.ts';
import { readHtmlFile } from './html.ts';
import { fileStem, idFrom, uniqueIds } from './ids.ts';
import { describeInference, inferMeta, stampLinesEnd } from './infer.ts';
import { readJsonFile } from './json.ts';
import { readJsonlFile } from './jsonl.ts';
import { parseManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import { readTextFile } from './text.ts';

/**
 * The ingest stage: files and folders in, articles with exact raw text and
 * metadata out, and every input that could not be used reported as a problem.
 * The only stage (with the writers and the CLI) that touches the file system.
 */

export interface IngestOptions {
  /** Paths are resolved and reported relative to this folder (default: process.cwd()). */
  cwd?: string;
  /** Called before each file is read (for a progress bar). */
  onFile?: (path: string) => void;
}

export async function ingest(paths: string[], options: IngestOptions = {}): Promise<IngestResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const discovery = await discover(paths, cwd);
  const problems: Problem[] = [...discovery.problems];

  const manifests = new Map<string, Manifest>();
  for (const { dir, walked, named } of discovery.manifestDirs) {
    const manifestPath = join(dir, 'manifest.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = await readFile(manifestPath).then(
      (bytes) => parseManifest(displayPath(manifestPath, cwd), bytes, (file) => existsSync(resolve(dir, file))),
      (error: NodeJS.ErrnoException): Manifest => ({
        entries: new Map(),
        problems: [problem(displayPath(manifestPath, cwd), null, 'error', `cannot read manifest: ${error.code ?? error.message}`)],
        entryProblems: [],
      }),
    );
    manifests.set(dir, manifest);
    problems.push(...manifest.problems);
    // When only some files of the folder are inputs, entries of the others are not this run's business.
    for (const { file, problem: p } of manifest.entryProblems) if (walked || named.includes(file)) problems.push(p);
  }

  const drafts: { draft: ArticleDraft; entry: ManifestEntry | null }[] = [];
  const files: IngestResult['files'] = [];
  for (const file of discovery.files) {
    if (file.format === 'skipped') {
      files.push({ path: file.path, format: 'skipped', articles: 0 });
      continue;
    }
    options.onFile?.(file.path);
    const result = await readInput(file);
    problems.push(...result.problems);
    const entry = manifestEntryFor(file.abs, manifests);
    for (const draft of result.drafts) drafts.push({ draft, entry });
    files.push({ path: file.path, format: result.drafts.length > 0 ? file.format : 'skipped', articles: result.drafts.length });
  }

  drafts.sort((a, b) => comparePaths(a.draft.path, b.draft.path) || a.draft.seq - b.draft.seq);
  const articles = drafts.map(({ draft, entry }) => finishArticle(draft, entry, problems));

  const { ids, renamed } = uniqueIds(articles.map((a) => a.id));
  articles.forEach((article, i) => (article.id = ids[i]!));
  for (const { index, from, to } of renamed) {
    const article = articles[index]!;
    problems.push(problem(article.path, article.origin.line, 'warning', `duplicate article id ${from}; this one is ${to}`));
  }

  problems.sort((a, b) => comparePaths(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0));
  return { articles, problems, files };
}

async function readInput(file: DiscoveredFile): Promise<FileReadResult> {
  const stem = fileStem(file.path);
  if (file.format === 'jsonl') {
    return readJsonlFile(file.abs, file.path, stem).catch((error: NodeJS.ErrnoException) => ({
      drafts: [],
      problems: [problem(file.path, null, 'error', `cannot read: ${error.code ?? error.message}`)],
    }));
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.abs);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { drafts: [], problems: [problem(file.path, null, 'error', `cannot read: ${e.code ?? e.message}`)] };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { drafts: [], problems: [problem(file.path, null, 'error', decoded.message)] };
  const result: FileReadResult =
    file.format === 'text' || file.format === 'markdown'
      ? readTextFile(file.path, decoded.text, file.format, stem)
      : file.format === 'json'
        ? readJsonFile(file.path, decoded.text, stem)
        : readHtmlFile(file.path, decoded.text, stem);
  if (decoded.warning) result.problems.unshift(problem(file.path, decoded.warning.line, 'warning', decoded.warning.message));
  return result;
}

/** The entry of the nearest manifest (own folder first, then parents) that lists the file. */
function manifestEntryFor(abs: string, manifests: Map<string, Manifest>): ManifestEntry | null {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    const manifest = manifests.get(dir);
    const entry = manifest?.entries.get(relative(dir, abs).split(sep).join('/'));
    if (entry) return entry;
    if (dirname(dir) === dir) return null;
  }
}

const FIELD_LABELS: Record<MetaField, string> = {
  outlet: 'outlet',
  published: 'published date',
  title: 'title',
  url: 'url',
  timezone: 'timezone',
  language: 'language',
};

/** Metadata (the file's own, then its manifest entry, then inference), id and hash. */
function finishArticle(draft: ArticleDraft, entry: ManifestEntry | null, problems: Problem[]): Article {
  const meta: ArticleMeta = emptyMeta();
  for (const source of [entry?.meta ?? {}, draft.meta]) {
    for (const [key, value] of Object.entries(source) as [MetaField, string | null | undefined][]) {
      if (value != null) meta[key] = value;
    }
  }
  const inferences = inferMeta({ text: draft.text, body: draft.body, meta });
  let lines: LineIndex | null = null;
  const fileLine = (offset: number): number => {
    lines ??= new LineIndex(draft.text);
    return lines.locate(offset).line + draft.origin.line - 1;
  };
  for (const inference of inferences) {
    const how = describeInference(inference, draft.text, meta);
    const replaced = meta[inference.field];
    meta[inference.field] = inference.value;
    const line = inference.evidence ? fileLine(inference.evidence.start) : null;
    const message = replaced === null
      ? `${FIELD_LABELS[inference.field]} missing; inferred ${inference.value} from ${how}`
      : `${FIELD_LABELS[inference.field]} ${replaced} replaced by ${inference.value} from ${how}`;
    problems.push(problem(draft.path, line ?? draft.recordLine, 'warning', message));
  }
  // A stamp is no headline: a page opening with its timestamp has its headline on the next line.
  const body = { start: stampLinesEnd(draft.text, draft.body), end: draft.body.end };
  if (meta.published === null) {
    problems.push(problem(draft.path, draft.recordLine, 'warning', 'no publication date found; relative dates will not be resolved'));
  }
  if (meta.outlet === null) {
    problems.push(problem(draft.path, draft.recordLine, 'warning', 'no outlet found (no metadata, URL, dateline or wire credit)'));
  }
  return {
    id: draft.recordId ?? idFrom(draft.idStem, [draft.path, String(draft.seq)]),
    path: draft.path,
    format: draft.format,
    text: draft.text,
    body,
    origin: draft.origin,
    sha256: sha256(draft.text),
    meta,
    inferences,
  };
}
