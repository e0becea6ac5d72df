/**
 * Time zones for news text: names and abbreviations → a zone, and a zone → its UTC
 * offset at a given local wall time (DST-correct, via Intl; no tables of rules here).
 *
 * A `Zone` is either an IANA name (offset depends on the date: "ET" in March 2025 is
 * EDT, −04:00) or a fixed offset in minutes ("EST" always −05:00, "GMT" 0).
 */

export type Zone = { iana: string } | { offsetMinutes: number };

/** A local wall-clock time (month 1–12). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Abbreviations as written after a clock time. Region-generic ones follow DST (IANA). */
const ABBREVIATIONS: Record<string, Zone> = {
  ET: { iana: 'America/New_York' },
  EST: { offsetMinutes: -300 },
  EDT: { offsetMinutes: -240 },
  CT: { iana: 'America/Chicago' },
  CST: { offsetMinutes: -360 },
  CDT: { offsetMinutes: -300 },
  MT: { iana: 'America/Denver' },
  MST: { offsetMinutes: -420 },
  MDT: { offsetMinutes: -360 },
  PT: { iana: 'America/Los_Angeles' },
  PST: { offsetMinutes: -480 },
  PDT: { offsetMinutes: -420 },
  GMT: { offsetMinutes: 0 },
  UTC: { offsetMinutes: 0 },
  Z: { offsetMinutes: 0 },
  MSK: { iana: 'Europe/Moscow' },
  CET: { offsetMinutes: 60 },
  CEST: { offsetMinutes: 120 },
  EET: { offsetMinutes: 120 },
  EEST: { offsetMinutes: 180 },
  BST: { offsetMinutes: 60 },
  WET: { offsetMinutes: 0 },
  IST: { offsetMinutes: 330 }, // India in news wires far more often than Irish/Israel
  JST: { offsetMinutes: 540 },
};

/** "<Place> time" as written in news ("17:00 Moscow time", "Kyiv time"). */
const PLACE_TIMES: Record<string, string> = {
  moscow: 'Europe/Moscow',
  kyiv: 'Europe/Kyiv',
  kiev: 'Europe/Kyiv',
  washington: 'America/New_York',
  eastern: 'America/New_York',
  'new york': 'America/New_York',
  central: 'America/Chicago',
  pacific: 'America/Los_Angeles',
  london: 'Europe/London',
  british: 'Europe/London',
  greenwich: 'UTC',
  paris: 'Europe/Paris',
  berlin: 'Europe/Berlin',
  brussels: 'Europe/Brussels',
  beijing: 'Asia/Shanghai',
  tokyo: 'Asia/Tokyo',
  tehran: 'Asia/Tehran',
  israel: 'Asia/Jerusalem',
  jerusalem: 'Asia/Jerusalem',
  istanbul: 'Europe/Istanbul',
  ankara: 'Europe/Istanbul',
  riyadh: 'Asia/Riyadh',
  'local': '', // "local time": the article's own zone, resolved by the caller
};

/** Regex source matching a zone written after a clock time (no anchors, no flags needed besides `i` for place names). */
export const ZONE_TOKEN_SOURCE =
  '(?:(?:' +
  Object.keys(PLACE_TIMES)
    .map((p) => `[${p[0]!.toUpperCase()}${p[0]}]${p.slice(1).replace(' ', '\\s+')}`)
    .join('|') +
  ')\\s+[Tt]ime|(?:' +
  Object.keys(ABBREVIATIONS).filter((a) => a !== 'Z').join('|') +
  ')(?:[+-]\\d{1,2}(?::?\\d{2})?)?)(?![A-Za-z])';

/** Parse "+03:00", "-0500", "GMT+3", "UTC" into minutes east of UTC. */
function parseFixedOffset(text: string): number | null {
  const m = /^(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * A zone from an article's metadata or a zone token in the text:
 * IANA name, fixed offset, abbreviation ("ET", "MSK"), or "<Place> time".
 * Returns null when unknown (or "local time", which means "the article's zone").
 */
export function resolveZone(name: string | null | undefined): Zone | null {
  if (!name) return null;
  const text = name.trim();
  if (text.includes('/')) return isIana(text) ? { iana: canonicalIana(text) } : null;
  const upper = text.toUpperCase();
  const abbr = /^([A-Z]{1,4})([+-]\d{1,2}(?::?\d{2})?)?$/.exec(upper);
  if (abbr && ABBREVIATIONS[abbr[1]!]) {
    const base = ABBREVIATIONS[abbr[1]!]!;
    if (!abbr[2]) return base;
    const extra = parseFixedOffset(abbr[2]);
    return 'offsetMinutes' in base && extra !== null ? { offsetMinutes: base.offsetMinutes + extra } : null;
  }
  const fixed = parseFixedOffset(text);
  if (fixed !== null) return { offsetMinutes: fixed };
  const place = /^(.+?)\s+time$/i.exec(text);
  if (place) {
    const iana = PLACE_TIMES[place[1]!.toLowerCase().replace(/\s+/g, ' ')];
    if (iana) return iana === 'UTC' ? { offsetMinutes: 0 } : { iana: canonicalIana(iana) };
  }
  return null;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(iana: string): Intl.DateTimeFormat | null {
  if (!formatters.has(iana)) {
    try {
      formatters.set(
        iana,
        new Intl.DateTimeFormat('en-US', {
          timeZone: iana,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      );
    } catch {
      formatters.set(iana, null);
    }
  }
  return formatters.get(iana)!;
}

function isIana(name: string): boolean {
  return formatterFor(name) !== null || (name === 'Europe/Kyiv' && formatterFor('Europe/Kiev') !== null);
}

/** Older ICU builds only know Europe/Kiev. */
function canonicalIana(name: string): string {
  if (name === 'Europe/Kyiv' && formatterFor('Europe/Kyiv') === null) return 'Europe/Kiev';
  return name;
}

/**
 * Recent answers of `ianaOffsetAtInstant` (a pure function of its arguments): an article
 * asks the same few instants several times (publication, reference, each clock time),
 * and each ICU lookup costs microseconds. Cleared when it grows, so memory stays flat.
 */
const recentOffsets = new Map<string, number>();
const RECENT_OFFSETS_MAX = 4096;

/** Offset (minutes east of UTC) of an IANA zone at a UTC instant (ms). */
function ianaOffsetAtInstant(iana: string, utcMs: number): number {
  const key = `${utcMs} ${iana}`;
  let offset = recentOffsets.get(key);
  if (offset === undefined) {
    if (recentOffsets.size >= RECENT_OFFSETS_MAX) recentOffsets.clear();
    recentOffsets.set(key, (offset = computeIanaOffsetAtInstant(iana, utcMs)));
  }
  return offset;
}

function computeIanaOffsetAtInstant(iana: string, utcMs: number): number {
  const fmt = formatterFor(iana);
  if (!fmt) return 0;
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * Offset (minutes east of UTC) in force at a local wall time. Two lookups settle it;
 * a wall time inside a DST gap (02:30 on a spring-forward night) gets the offset
 * after the change, a repeated one (autumn) the first that fits. Rare in news.
 */
export function offsetAtWallTime(zone: Zone, wall: WallTime): number {
  if ('offsetMinutes' in zone) return zone.offsetMinutes;
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = ianaOffsetAtInstant(zone.iana, wallMs);
  const second = ianaOffsetAtInstant(zone.iana, wallMs - first * 60000);
  return second;
}

/** The UTC instant of a wall time in a zone, as `2025-03-18T14:00Z`. */
export function wallTimeToUtc(zone: Zone, wall: WallTime): string {
  const offset = offsetAtWallTime(zone, wall);
  const ms = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - offset * 60000;
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

/** The local wall time of a UTC instant in a zone. */
export function instantToWallTime(zone: Zone, utcMs: number): WallTime {
  const offset = 'offsetMinutes' in zone ? zone.offsetMinutes : ianaOffsetAtInstant(zone.iana, utcMs);
  const d = new Date(utcMs + offset * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** A stable label for a zone: the IANA name, "UTC", or "+03:00". */
export function zoneLabel(zone: Zone): string {
  if ('iana' in zone) return zone.iana;
  if (zone.offsetMinutes === 0) return 'UTC';
  const sign = zone.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(zone.offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
