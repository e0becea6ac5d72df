/**
 * A small hand-built dataset for the report and review tests: 3 sources (one hostile),
 * 3 events (two with conflicts, one quiet), 2 conflicts with real evidence spans, 1 problem.
 * Every evidence is made with evidenceFor, so the span invariant holds.
 */
import { evidenceFor } from '../src/text/location.ts';
import type {
  Article,
  CanonicalEvent,
  Claim,
  ClaimValue,
  Conflict,
  Dataset,
  Evidence,
  SourceRecord,
  TimeValue,
} from '../src/types.ts';

export type TestArticle = Pick<Article, 'id' | 'path' | 'text'> & { origin: { line: number } };

export const HOSTILE_SCRIPT = '<script>alert(1)</script>';
export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';

export const ARTICLES: TestArticle[] = [
  {
    id: 'tass',
    path: 'sources/tass.txt',
    origin: { line: 1 },
    text:
      '---\noutlet: TASS\n---\nMOSCOW. Putin and Trump held a phone call on Tuesday. ' +
      'The call began at 1300 GMT, the Kremlin said. It lasted more than two hours.\n' +
      'The leaders met in Helsinki in July 2018.\n',
  },
  {
    id: 'reuters',
    path: 'sources/reuters.txt',
    origin: { line: 1 },
    text:
      'WASHINGTON (Reuters) - Trump and Putin spoke by phone on Tuesday.\n' +
      'The call started at 1400 GMT, a White House official said! More later.\n' +
      'Their 2018 summit took place in Geneva, a spokesman said.\n',
  },
  {
    id: 'evil',
    path: 'sources/evil|copy.md',
    origin: { line: 1 },
    text:
      '# Breaking\n> quoted line\n' +
      `Sources say the call began at 1300 GMT ${HOSTILE_SCRIPT} | ${HOSTILE_IMG} and "ended" late. ` +
      'Nothing else.\n',
  },
];

export function article(id: string): TestArticle {
  const found = ARTICLES.find((a) => a.id === id);
  if (!found) throw new Error(`no test article ${id}`);
  return found;
}

/** Evidence for the first occurrence of `needle` in an article. */
export function quote(id: string, needle: string): Evidence {
  const a = article(id);
  const start = a.text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in ${id}`);
  return evidenceFor(a, { start, end: start + needle.length });
}

export function time(utc: string): TimeValue {
  return {
    timex: utc.replace(/Z$/, ''),
    granularity: 'minute',
    date: utc.slice(0, 10),
    utc,
    known: { year: false, month: false, day: false, time: true, zone: true },
    zone: 'GMT',
  };
}

function claim(event: string, attribute: string, value: ClaimValue, evidence: Evidence, attribution: string | null = null): Claim {
  return {
    id: `${evidence.source}:${evidence.start}-${evidence.end}:${attribute}`,
    event,
    attribute,
    value,
    text: evidence.quote,
    source: evidence.source,
    evidence,
    attribution,
    modality: 'actual',
  };
}

export const SOURCES: SourceRecord[] = [
  { id: 'tass', path: 'sources/tass.txt', outlet: 'TASS', published: '2025-03-18', title: 'Putin, Trump to talk', url: null, sha256: 'a'.repeat(64), primaryEvent: 'ev-call', story: 'st-call' },
  { id: 'reuters', path: 'sources/reuters.txt', outlet: 'Reuters', published: '2025-03-18', title: 'Live: Trump-Putin call', url: null, sha256: 'b'.repeat(64), primaryEvent: 'ev-call', story: 'st-call' },
  { id: 'evil', path: 'sources/evil|copy.md', outlet: `Evil ${HOSTILE_SCRIPT} News`, published: null, title: HOSTILE_IMG, url: null, sha256: 'c'.repeat(64), primaryEvent: null, story: null },
];

export interface Fixture {
  dataset: Dataset;
  claims: Claim[];
  articles: TestArticle[];
}

/** A fresh copy each call, so tests can mutate freely. */
export function buildFixture(): Fixture {
  const ev = {
    tass1300: quote('tass', '1300 GMT'),
    evil1300: quote('evil', `1300 GMT ${HOSTILE_SCRIPT} | ${HOSTILE_IMG}`),
    reuters1400: quote('reuters', '1400 GMT'),
    tassTwoHours: quote('tass', 'more than two hours'),
    helsinki: quote('tass', 'Helsinki'),
    geneva: quote('reuters', 'Geneva'),
    tassTuesday: quote('tass', 'Tuesday'),
    reutersTuesday: quote('reuters', 'Tuesday'),
  };
  const claims: Claim[] = [
    claim('ev-call', 'start_time', time('2025-03-18T13:00Z'), ev.tass1300, 'the Kremlin'),
    claim('ev-call', 'start_time', time('2025-03-18T13:00Z'), ev.evil1300),
    claim('ev-call', 'start_time', time('2025-03-18T14:00Z'), ev.reuters1400, 'a White House official'),
    claim('ev-call', 'duration', { min: 120, max: null, unit: 'minute', qualifier: 'more-than' }, ev.tassTwoHours),
    claim('ev-meet', 'location', 'Helsinki', ev.helsinki),
    claim('ev-meet', 'location', 'Geneva', ev.geneva, 'a spokesman'),
    claim('ev-quiet', 'date', '2025-03-18', ev.tassTuesday),
    claim('ev-quiet', 'date', '2025-03-18', ev.reutersTuesday),
  ];
  const ids = (event: string, attribute: string): string[] =>
    claims.filter((c) => c.event === event && c.attribute === attribute).map((c) => c.id);

  const events: CanonicalEvent[] = [
    {
      id: 'ev-call',
      story: 'st-call',
      type: 'phone_call',
      title: 'Phone call between Donald Trump and Vladimir Putin',
      date: '2025-03-18',
      participants: ['Donald Trump', 'Vladimir Putin'],
      location: null,
      sources: ['evil', 'reuters', 'tass'],
      attributes: {
        start_time: { value: time('2025-03-18T13:00Z'), text: '1300 GMT', status: 'conflict', claims: ids('ev-call', 'start_time') },
        duration: { value: { min: 120, max: null, unit: 'minute', qualifier: 'more-than' }, text: 'more than two hours', status: 'single-source', claims: ids('ev-call', 'duration') },
      },
      mentions: ['tass:m40', 'reuters:m30', 'evil:m30'],
      mergeReasons: [
        { a: 'tass:m40', b: 'reuters:m30', score: 7.5, reasons: [{ label: 'same date', weight: 4 }, { label: 'participants 2/2', weight: 3.5 }] },
        { a: 'tass:m40', b: 'evil:m30', score: 2.25, reasons: [{ label: 'same type', weight: 3 }, { label: 'no date', weight: -0.75 }] },
      ],
    },
    {
      id: 'ev-meet',
      story: 'st-meet',
      type: 'summit',
      title: 'Summit between Donald Trump and Vladimir Putin',
      date: '2018-07',
      participants: ['Donald Trump', 'Vladimir Putin'],
      location: null,
      sources: ['reuters', 'tass'],
      attributes: {
        location: { value: 'Helsinki', text: 'Helsinki', status: 'conflict', claims: ids('ev-meet', 'location') },
      },
      mentions: ['tass:m200', 'reuters:m150'],
      mergeReasons: [{ a: 'tass:m200', b: 'reuters:m150', score: 5, reasons: [{ label: 'same year', weight: 2 }, { label: 'participants 2/2', weight: 3 }] }],
    },
    {
      id: 'ev-quiet',
      story: 'st-quiet',
      type: 'statement',
      title: 'Statement by the Kremlin',
      date: '2025-03-18',
      participants: ['Dmitry Peskov'],
      location: 'Moscow',
      sources: ['reuters', 'tass'],
      attributes: {
        date: { value: '2025-03-18', text: 'Tuesday', status: 'agreed', claims: ids('ev-quiet', 'date') },
      },
      mentions: ['tass:m0'],
      mergeReasons: [],
    },
  ];
  const conflicts: Conflict[] = [
    {
      id: 'cf-location',
      event: 'ev-meet',
      attribute: 'location',
      kind: 'imprecision',
      severity: 'medium',
      message: 'Sources place the 2018 summit in different cities.',
      values: [
        { value: 'Helsinki', text: 'Helsinki', sources: ['tass'], evidence: [ev.helsinki] },
        { value: 'Geneva', text: 'Geneva', sources: ['reuters'], evidence: [ev.geneva] },
      ],
      resolution: null,
    },
    {
      id: 'cf-start',
      event: 'ev-call',
      attribute: 'start_time',
      kind: 'contradiction',
      severity: 'high',
      message: 'The call starts at 13:00 UTC in two sources and at 14:00 UTC in one.',
      values: [
        { value: time('2025-03-18T13:00Z'), text: '1300 GMT', sources: ['tass', 'evil'], evidence: [ev.tass1300, ev.evil1300] },
        { value: time('2025-03-18T14:00Z'), text: '1400 GMT', sources: ['reuters'], evidence: [ev.reuters1400] },
      ],
      resolution: null,
    },
  ];
  const dataset: Dataset = {
    version: 1,
    sources: structuredClone(SOURCES),
    events,
    stories: [],
    conflicts,
    problems: [{ path: 'sources/broken.jsonl', line: 3, severity: 'error', message: 'record is not valid JSON: Unexpected token } <b>' }],
  };
  return { dataset, claims, articles: structuredClone(ARTICLES) };
}
