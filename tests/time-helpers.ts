/** Test helpers for the temporal extractor: articles and sentences without the segmenter. */
import type { Article, Sentence } from '../src/types.ts';
import { testArticle } from './article-helper.ts';

export function makeArticle(text: string, published: string | null, timezone: string | null = 'UTC', id = 'a'): Article {
  return testArticle(text, { id, meta: { published, timezone } });
}

/** Split after . ! ? before a capital or quote, but not after "a.m.", "Jan.", "U.S.", "Mr." and initials. */
const SENTENCE_BREAK =
  /(?<=[.!?])(?<!\b(?:[ap]\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|U\.S|[A-Z])\.)\s+(?=[A-Z“"])/g;

/**
 * A simple splitter: each non-empty line is a block; sentences split inside lines
 * after . ! ? before a capital or a quote. `skipLine` drops boilerplate lines.
 */
export function splitSentences(
  text: string,
  skipLine: (line: string, index: number, lines: readonly string[]) => boolean = () => false,
): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  let block = 0;
  const lines = text.split('\n');
  for (const [lineIndex, line] of lines.entries()) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    if (skipLine(line, lineIndex, lines)) {
      block += 1;
      continue;
    }
    let start = 0;
    const pieces: [number, number][] = [];
    for (const m of line.matchAll(SENTENCE_BREAK)) {
      pieces.push([start, m.index!]);
      start = m.index! + m[0].length;
    }
    pieces.push([start, line.replace(/\s+$/, '').length]);
    for (const [s, e] of pieces) {
      const lead = line.slice(s, e).length - line.slice(s, e).trimStart().length;
      if (e - s - lead <= 0) continue;
      sentences.push({ index: sentences.length, block, start: lineStart + s + lead, end: lineStart + e });
    }
    block += 1;
  }
  return sentences;
}

/**
 * Boilerplate lines of news and wiki pages, by general patterns (not per article):
 * photo captions and credits, author bios, standards lines, wiki infobox key/value
 * lines and the "See also" list.
 */
export function isBoilerplateLine(line: string, index: number, lines: readonly string[]): boolean {
  if (/\bREUTERS\b|FILE PHOTO|^©|Sputnik\/|^Our Standards|^Thomson Reuters$|^Infobox$/.test(line)) return true;
  if (/^[A-Z][a-z]+(?: [A-Z][a-z]+)* (?:is|was) (?:a|an|the) [A-Z][\w ]*(?:Editor|Journalist|Correspondent|Reporter)\b/.test(line)) return true;
  if (/^(?:She|He) (?:previously|joined)\b/.test(line) && index > 0 && /Thomson Reuters|Journalist|Editor/.test(lines.slice(Math.max(0, index - 3), index).join(' ')))
    return true;
  if (/^- [A-Z][A-Za-z ]{1,20}: /.test(line)) return true; // infobox key: value
  for (let i = index - 1; i >= 0; i--) {
    const previous = lines[i]!.trim();
    if (/^=+\s*See also\s*=+$/i.test(previous)) return /^- /.test(line);
    if (/^=+.*=+$/.test(previous)) break;
  }
  return false;
}
