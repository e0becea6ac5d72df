/**
 * The public evaluation corpora (ECB+, GVC) and the seed articles, read and turned
 * into news-please style JSONL records, the form users drop in a folder. Pure
 * helpers plus two thin readers; nothing here runs the pipeline.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const DATASETS_DIR = '/work/shared/datasets';
export const ECBPLUS_DOCS = path.join(DATASETS_DIR, 'ecbplus', 'docs.jsonl');
export const GVC_DOCS = path.join(DATASETS_DIR, 'gvc', 'docs.jsonl');

/** One ECB+ document (see the datasets README). */
export interface EcbDoc {
  id: string;
  topic: string;
  subtopic: string;
  split: 'train' | 'dev' | 'test';
  url: string;
  url_date?: string;
  text: string;
}

/** One Gun Violence Corpus document; `subtopic` is the incident id. */
export interface GvcDoc {
  id: string;
  subtopic: string;
  split: 'val' | 'test';
  dct: string;
  title: string;
  text: string;
}

/** The news-please fields the ingest stage reads. */
export interface NewsPleaseRecord {
  id: string;
  title: string | null;
  maintext: string;
  date_publish: string | null;
  source_domain: string | null;
  url: string | null;
}

/** A text to process and the date its relative expressions hang on. */
export interface CorpusText {
  id: string;
  text: string;
  published: string | null;
}

/** Parses JSON Lines; blank lines are skipped, a broken line throws with its number. */
export function parseJsonl<T>(content: string): T[] {
  const out: T[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch (error) {
      throw new Error(`line ${i + 1}: ${(error as Error).message}`);
    }
  }
  return out;
}

/** Serializes records as JSON Lines (one trailing newline). */
export function toJsonl(records: readonly unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : '');
}

/** Reads a JSONL file, or null when it is missing (the datasets are optional). */
export function readJsonlFile<T>(file: string): T[] | null {
  return existsSync(file) ? parseJsonl<T>(readFileSync(file, 'utf8')) : null;
}

/** `http://www.ocregister.com/x` → `ocregister.com`; null when there is no parsable URL. */
export function domainOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The first non-blank line, trimmed: the headline in both corpora. */
export function firstLine(text: string): string {
  for (const line of text.split('\n')) if (line.trim() !== '') return line.trim();
  return '';
}

export function ecbToRecord(doc: EcbDoc): NewsPleaseRecord {
  return {
    id: doc.id,
    title: firstLine(doc.text) || null,
    maintext: doc.text,
    date_publish: doc.url_date ?? null,
    source_domain: domainOf(doc.url),
    url: doc.url || null,
  };
}

export function gvcToRecord(doc: GvcDoc): NewsPleaseRecord {
  return { id: doc.id, title: doc.title || null, maintext: doc.text, date_publish: doc.dct || null, source_domain: null, url: null };
}

export function recordToText(record: NewsPleaseRecord): CorpusText {
  return { id: record.id, text: record.maintext, published: record.date_publish };
}

/** Groups items by a key, keeping first-seen key order and item order (deterministic). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Numeric-aware order for topic ids ("2" < "10"). */
export function compareTopics(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Seed articles: the .txt files of a folder with their manifest date, if any. */
export function readSeedTexts(dir: string): CorpusText[] {
  if (!existsSync(dir)) return [];
  const published = new Map<string, string>();
  const manifest = path.join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    try {
      for (const entry of JSON.parse(readFileSync(manifest, 'utf8')) as { file?: string; published?: string }[]) {
        if (entry.file && entry.published) published.set(entry.file, entry.published);
      }
    } catch {
      // a broken manifest only loses the reference dates
    }
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(path.join(dir, f), 'utf8'), published: published.get(f) ?? null }));
}
