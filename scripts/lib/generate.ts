/**
 * A synthetic dump for the scale test: N short news-please records (a few hundred
 * bytes each) built from templated news sentences with dates, times, counts, names
 * and places. Record i depends only on i (deterministic), and the dump is streamed to
 * disk in chunks, so generating a million costs seconds and little memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { NewsPleaseRecord } from './corpus.ts';

const FIRST = ['Maria', 'John', 'Aisha', 'Viktor', 'Chen', 'Fatima', 'Lucas', 'Priya', 'Omar', 'Elena', 'Kenji', 'Grace', 'Mateo', 'Sofia', 'Daniel', 'Amara'];
const LAST = ['Lopez', 'Smith', 'Khan', 'Petrov', 'Wang', 'Haddad', 'Silva', 'Patel', 'Nasser', 'Rossi', 'Tanaka', 'Okafor', 'Garcia', 'Novak', 'Meyer', 'Mensah'];
const ROLES = ['the mayor', 'the interior minister', 'a police spokesman', 'the fire chief', 'the company chief executive', 'a UN envoy', 'the governor', 'a hospital official'];
const PLACES = ['Springfield', 'Lagos', 'Hamburg', 'Osaka', 'Lyon', 'Denver', 'Manila', 'Porto', 'Nairobi', 'Tucson', 'Krakow', 'Valencia', 'Leeds', 'Quito', 'Perth', 'Dhaka'];
const OUTLETS = ['dailyherald.example', 'citynews.example', 'worldwire.example', 'localpost.example', 'metrotimes.example', 'newsdesk.example'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a dozen'];

type Pick = <T>(list: readonly T[]) => T;
type Sentence = (p: Pick, n: () => number, ctx: Ctx) => string;

interface Ctx {
  person: string;
  place: string;
  date: string; // "March 4, 2021"
  weekday: string;
}

const LEADS: Sentence[] = [
  (p, n, c) => `${c.place} police said ${n() % 40 + 2} people were injured and ${p(NUMBER_WORDS)} were killed in a shooting on ${c.weekday} night.`,
  (p, n, c) => `${c.person}, ${p(ROLES)}, met officials in ${c.place} on ${c.date} for talks that lasted ${n() % 5 + 1} hours.`,
  (p, n, c) => `A fire broke out at a warehouse in ${c.place} at about ${n() % 12 + 1}:${String((n() % 4) * 15).padStart(2, '0')} p.m. on ${c.weekday}, officials said.`,
  (p, n, c) => `${c.person} was arrested in ${c.place} on ${c.date} after a ${n() % 20 + 2}-day search, ${p(ROLES)} said.`,
  (p, n, c) => `An earthquake of magnitude ${(n() % 40) / 10 + 4} struck near ${c.place} early on ${c.weekday}, damaging ${n() % 300 + 10} homes.`,
  (p, n, c) => `Voters in ${c.place} went to the polls on ${c.date}; turnout was about ${n() % 50 + 30} percent.`,
];

const FOLLOWS: Sentence[] = [
  (p, n) => `${capitalize(p(ROLES))} told reporters that ${n() % 900 + 100} residents had been evacuated.`,
  (p, n) => `The talks were expected to last ${p(NUMBER_WORDS)} hours but ended after ${n() % 90 + 30} minutes.`,
  (p, n, c) => `${c.person} said a second meeting was planned for ${p(MONTHS)} ${n() % 28 + 1}.`,
  (p, n) => `More than ${n() % 200 + 20} officers took part in the operation, according to ${p(FIRST)} ${p(LAST)}.`,
  (p, n, c) => `It was the ${['first', 'second', 'third'][n() % 3]} such incident in ${c.place} since ${2000 + (n() % 20)}.`,
  (p, n) => `Damage was estimated at $${n() % 90 + 5} million, ${p(ROLES)} said on ${p(WEEKDAYS)}.`,
  (p, n) => `Two days earlier, about ${n() % 60 + 5} people had gathered outside the town hall.`,
];

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** mulberry32: a tiny seeded PRNG, enough for varied templates. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Record i of the synthetic dump (same i → same record). */
export function generateArticle(i: number): NewsPleaseRecord {
  const n = prng(i * 2654435761 + 1);
  const pick: Pick = (list) => list[n() % list.length]!;
  const year = 2015 + (n() % 10);
  const month = n() % 12;
  const day = (n() % 28) + 1;
  const published = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const ctx: Ctx = {
    person: `${pick(FIRST)} ${pick(LAST)}`,
    place: pick(PLACES),
    date: `${MONTHS[month]} ${Math.max(1, day - (n() % 3))}, ${year}`,
    weekday: pick(WEEKDAYS),
  };
  const sentences = [pick(LEADS)(pick, n, ctx)];
  const follows = 1 + (n() % 3);
  for (let k = 0; k < follows; k++) sentences.push(pick(FOLLOWS)(pick, n, ctx));
  const title = sentences[0]!.replace(/\.$/, '');
  return {
    id: `gen-${String(i).padStart(7, '0')}`,
    title,
    maintext: `${ctx.place.toUpperCase()} — ${sentences.join(' ')}`,
    date_publish: published,
    source_domain: pick(OUTLETS),
    url: null,
  };
}

/** Streams records [from, from + count) of the synthetic dump to `file` as JSONL; returns bytes written. */
export async function writeGeneratedDump(file: string, count: number, from = 0): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let bytes = 0;
  const CHUNK = 2000;
  for (let start = from; start < from + count; start += CHUNK) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(start + CHUNK, from + count); i++) lines.push(JSON.stringify(generateArticle(i)));
    const chunk = lines.join('\n') + '\n';
    bytes += Buffer.byteLength(chunk, 'utf8');
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
