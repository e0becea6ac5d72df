/**
 * Builders for reconciliation tests: small articles made of lines, event mentions on
 * a line, and claims whose evidence is found in the article text, so every span
 * quotes the raw text exactly (the project's span invariant).
 */
import { reconcile } from '../src/reconcile/index.ts';
import { evidenceFor } from '../src/text/location.ts';
import { sha256 } from '../src/text/hash.ts';
import type {
  Article,
  Claim,
  ClaimValue,
  EventMention,
  EventType,
  Granularity,
  Modality,
  QuantityValue,
  Qualifier,
  TimeValue,
} from '../src/types.ts';

export interface Doc {
  article: Article;
  /** Offsets where each line starts. */
  lineStarts: number[];
}

export function doc(
  id: string,
  meta: { outlet: string; published: string; timezone?: string },
  lines: readonly string[],
): Doc {
  const text = `${lines.join('\n')}\n`;
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  return {
    article: {
      id,
      path: `fixtures/${id}.txt`,
      format: 'text',
      text,
      body: { start: 0, end: text.length },
      origin: { line: 1 },
      sha256: sha256(text),
      meta: {
        outlet: meta.outlet,
        published: meta.published,
        title: null,
        url: null,
        timezone: meta.timezone ?? null,
        language: 'en',
      },
      inferences: [],
    },
    lineStarts,
  };
}

/** A time value: `day('2025-03-18')`, `day('2018')`, `at('2025-03-18T14:00Z', '10:00', 'ET')`. */
export function day(date: string, opts: { knownYear?: boolean; zone?: string | null } = {}): TimeValue {
  const level = date.split('-').length;
  const granularity: Granularity = level === 1 ? 'year' : level === 2 ? 'month' : 'day';
  return {
    timex: date,
    granularity,
    date,
    utc: null,
    known: { year: opts.knownYear ?? true, month: level >= 2, day: level >= 3, time: false, zone: false },
    zone: opts.zone ?? null,
  };
}

export function at(utc: string, wall: string, zone: string | null, opts: { knownZone?: boolean } = {}): TimeValue {
  const date = utc.slice(0, 10);
  return {
    timex: `${date}T${wall}`,
    granularity: 'minute',
    date,
    utc,
    known: { year: true, month: true, day: true, time: true, zone: opts.knownZone ?? zone !== null },
    zone,
  };
}

export function qty(min: number | null, max: number | null, unit: string, qualifier: Qualifier = 'exact'): QuantityValue {
  return { min, max, unit, qualifier };
}

export interface MentionOptions {
  type: EventType;
  time?: TimeValue | null;
  participants?: string[];
  place?: string | null;
  modality?: Modality;
  attribution?: string | null;
  /** Block index; defaults to the line number (one block per line). */
  block?: number;
  /** The trigger word to point at; defaults to the line's first word. */
  trigger?: string;
}

/** An event mention covering line `line` of the doc. */
export function mention(d: Doc, line: number, opts: MentionOptions): EventMention {
  const start = d.lineStarts[line];
  if (start === undefined) throw new Error(`no line ${line} in ${d.article.id}`);
  const lineText = d.article.text.slice(start, d.article.text.indexOf('\n', start));
  const triggerWord = opts.trigger ?? lineText.split(/\s+/)[0]!;
  const at = lineText.indexOf(triggerWord);
  if (at < 0) throw new Error(`trigger "${triggerWord}" not on line ${line}`);
  return {
    id: `${d.article.id}:m${start}`,
    source: d.article.id,
    start,
    end: start + lineText.length,
    type: opts.type,
    trigger: { start: start + at, end: start + at + triggerWord.length },
    triggerText: triggerWord,
    sentence: line,
    block: opts.block ?? line,
    participants: opts.participants ?? [],
    time: opts.time ?? null,
    timeSpan: null,
    place: opts.place ?? null,
    modality: opts.modality ?? 'actual',
    attribution: opts.attribution ?? null,
  };
}

/** A claim about mention `m`; `text` must occur in the article (searched from the mention's line). */
export function claim(
  d: Doc,
  m: EventMention,
  attribute: string,
  value: ClaimValue,
  text: string,
  opts: { modality?: Modality; attribution?: string | null; line?: number } = {},
): Claim {
  const from = opts.line !== undefined ? d.lineStarts[opts.line]! : m.start;
  let start = d.article.text.indexOf(text, from);
  if (start < 0) start = d.article.text.indexOf(text);
  if (start < 0) throw new Error(`"${text}" not in ${d.article.id}`);
  const end = start + text.length;
  return {
    id: `${d.article.id}:${start}-${end}:${attribute}`,
    event: m.id,
    attribute,
    value,
    text,
    source: d.article.id,
    evidence: evidenceFor(d.article, { start, end }),
    attribution: opts.attribution ?? m.attribution,
    modality: opts.modality ?? m.modality,
  };
}

/** A document with no publication date (or the one given): the reports stories must place by their leads. */
export function undatedDoc(id: string, lines: readonly string[], published: string | null = null): Doc {
  const d = doc(id, { outlet: id.toUpperCase(), published: '2000-01-01' }, lines);
  d.article.meta.published = published;
  return d;
}

/** Two look-alike local stories for the nearest-story tests: a warehouse fire in Palmer, a church fire in Wasilla. */
export const PALMER_1 = ['A fire destroyed the historic Matanuska warehouse in Palmer on Tuesday night.', 'Firefighters from three stations fought the blaze until dawn.'];
export const PALMER_2 = ['The Matanuska warehouse, a Palmer landmark, burned down overnight.', 'Fire crews said the building was a total loss.'];
export const WASILLA_1 = ['A fire gutted a church in Wasilla on Friday evening.', 'Investigators suspect arson, police said.'];
export const WASILLA_2 = ['Arson is suspected in the Wasilla church fire, police said.', 'The congregation will meet in a school.'];

export const TRUMP = 'Donald Trump';
export const PUTIN = 'Vladimir Putin';
export const OBAMA = 'Barack Obama';

/** Reconciles the docs' articles and event mentions (no claims): the story tests' dumps. */
export function reconcileDocs(docs: readonly { d: Doc; m: EventMention[] }[]) {
  return reconcile({ articles: docs.map((x) => x.d.article), events: docs.flatMap((x) => x.m), claims: [] });
}
