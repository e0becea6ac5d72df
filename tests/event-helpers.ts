/**
 * Test helpers for the event and claim stages: a tiny article/segmenter and
 * hand-built mentions (the real extractors are built in parallel), so tests pin
 * this stage's behaviour on its own.
 */
import type { Article, Block, Mention, MentionKind, QuantityValue, SegmentedArticle, Sentence, TimeValue } from '../src/types.ts';
import { testArticle } from './article-helper.ts';

/** One block per line; sentences split after . ! ? followed by a space and a capital or quote. */
export function segmentText(text: string, id = 'a1', boilerplateLines: readonly number[] = []): SegmentedArticle {
  const article = testArticle(text, { id, path: `fixtures/${id}.txt`, meta: { published: '2025-03-18' } });
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  let lineStart = 0;
  text.split('\n').forEach((line, lineNo) => {
    if (line.trim()) {
      const block: Block = {
        index: blocks.length,
        start: lineStart,
        end: lineStart + line.length,
        kind: 'paragraph',
        heading: null,
        boilerplate: boilerplateLines.includes(lineNo) ? { kind: 'caption', rule: 'test' } : null,
      };
      blocks.push(block);
      let start = 0;
      for (const m of line.matchAll(/(?<!\b(?:[ap]\.m|U\.S|St|Mr|Mrs|Ms|Dr|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|[A-Z]))[.!?]["”]?\s+(?=[A-Z“"])/g)) {
        const end = m.index + m[0].trimEnd().length;
        sentences.push({ index: sentences.length, block: block.index, start: lineStart + start, end: lineStart + end });
        start = m.index + m[0].length;
      }
      sentences.push({ index: sentences.length, block: block.index, start: lineStart + start, end: lineStart + line.trimEnd().length });
    }
    lineStart += line.length + 1;
  });
  return { article, blocks, sentences };
}

export interface MentionSpec {
  phrase: string;
  kind: MentionKind;
  /** Canonical name, TIMEX string or quantity. */
  value?: string | QuantityValue;
  time?: TimeValue;
  duration?: QuantityValue;
  /** Which occurrence of the phrase (0-based). */
  nth?: number;
}

/** Builds a Mention at the nth occurrence of `phrase`. */
export function mention(seg: SegmentedArticle, spec: MentionSpec): Mention {
  const text = seg.article.text;
  let start = -1;
  for (let i = 0, from = 0; i <= (spec.nth ?? 0); i++) {
    start = text.indexOf(spec.phrase, from);
    if (start < 0) throw new Error(`phrase not found: ${spec.phrase}`);
    from = start + 1;
  }
  const end = start + spec.phrase.length;
  const sentence = seg.sentences.find((s) => s.start <= start && end <= s.end);
  const value = spec.value ?? spec.time?.timex ?? spec.duration ?? spec.phrase;
  return {
    source: seg.article.id,
    start,
    end,
    kind: spec.kind,
    text: text.slice(start, end),
    value,
    ...(spec.time ? { time: spec.time } : {}),
    ...(spec.duration ? { duration: spec.duration } : {}),
    sentence: sentence?.index ?? -1,
    rule: 'test',
  };
}

export const person = (phrase: string, value: string, nth?: number): MentionSpec => ({ phrase, kind: 'person', value, nth });
export const org = (phrase: string, value: string, nth?: number): MentionSpec => ({ phrase, kind: 'organization', value, nth });
export const place = (phrase: string, value: string, nth?: number): MentionSpec => ({ phrase, kind: 'place', value, nth });

/** A calendar date (YYYY, YYYY-MM or YYYY-MM-DD) as the time extractor would resolve it. */
export function day(date: string): TimeValue {
  const parts = date.split('-').length;
  return {
    timex: date,
    granularity: parts === 3 ? 'day' : parts === 2 ? 'month' : 'year',
    date,
    utc: null,
    known: { year: true, month: parts >= 2, day: parts === 3, time: false, zone: false },
    zone: null,
  };
}

/** A time of day with a known zone: `clock('2025-03-18T14:00Z')`. */
export function clock(utc: string, knownDay = false): TimeValue {
  const date = utc.slice(0, 10);
  return {
    timex: utc.replace(/Z$/, ''),
    granularity: 'minute',
    date,
    utc,
    known: { year: knownDay, month: knownDay, day: knownDay, time: true, zone: true },
    zone: 'UTC',
  };
}

export const date = (phrase: string, value: string, nth?: number): MentionSpec => ({ phrase, kind: 'date', time: day(value), nth });
export const time = (phrase: string, utc: string, nth?: number): MentionSpec => ({ phrase, kind: 'time', time: clock(utc), nth });

export function minutes(min: number | null, max: number | null = min, qualifier: QuantityValue['qualifier'] = 'exact'): QuantityValue {
  return { min, max, unit: 'minute', qualifier };
}
export const duration = (phrase: string, value: QuantityValue, nth?: number): MentionSpec => ({ phrase, kind: 'duration', duration: value, value, nth });
export const quantity = (phrase: string, value: QuantityValue, nth?: number): MentionSpec => ({ phrase, kind: 'quantity', value, nth });

/** An article plus its mentions, ready for extractEvents/buildClaims. */
export function doc(text: string, specs: readonly MentionSpec[] = [], options: { id?: string; boilerplateLines?: number[] } = {}) {
  const seg = segmentText(text, options.id, options.boilerplateLines);
  const mentions = specs.map((s) => mention(seg, s)).sort((a, b) => a.start - b.start);
  return { seg, mentions };
}
