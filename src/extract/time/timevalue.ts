/**
 * From resolved components to the shared `TimeValue`.
 *
 * TIMEX3 choice: `timex` is the wall-clock value in the text's own frame — "10:00 a.m.
 * ET" on 2025-03-18 is `2025-03-18T10:00` (TIMEX3 has no zone in the value) — and
 * `utc` is the instant (`2025-03-18T14:00Z`), computed only when a clock time, a full
 * date and a zone (written, or the article's) are all known. Unknown year: `XXXX`.
 * Part of day: `2025-03-18TAF`, granularity 'day', no utc.
 */
import type { Granularity, TimeValue } from '../../types.ts';
import { pad2, pad4 } from './calendar.ts';
import { wallTimeToUtc, zoneLabel, type Zone } from './zones.ts';

export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

export interface ResolvedTime {
  granularity: Granularity;
  year: number | null;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
  /** ISO week (granularity 'week'): week-numbering year in `year`. */
  week: number | null;
  partOfDay: PartOfDay | null;
  known: TimeValue['known'];
  zone: Zone | null;
}

export function toTimeValue(r: ResolvedTime): TimeValue {
  const y = r.year === null ? 'XXXX' : pad4(r.year);
  let timex: string;
  let date: string | null;
  switch (r.granularity) {
    case 'year':
      timex = y;
      date = r.year === null ? null : y;
      break;
    case 'month':
      timex = `${y}-${pad2(r.month!)}`;
      date = r.year === null ? null : timex;
      break;
    case 'week':
      timex = `${y}-W${pad2(r.week!)}`;
      date = null;
      break;
    default: {
      const day = `${y}-${pad2(r.month!)}-${pad2(r.day!)}`;
      date = r.year === null ? null : day;
      if (r.granularity === 'minute') timex = `${day}T${pad2(r.hour!)}:${pad2(r.minute ?? 0)}`;
      else timex = r.partOfDay ? `${day}T${r.partOfDay}` : day;
    }
  }
  const utc =
    r.granularity === 'minute' && r.year !== null && r.zone
      ? wallTimeToUtc(r.zone, { year: r.year, month: r.month!, day: r.day!, hour: r.hour!, minute: r.minute ?? 0 })
      : null;
  return {
    timex,
    granularity: r.granularity,
    date,
    utc,
    known: r.known,
    zone: r.zone && (r.granularity === 'minute' || r.partOfDay) ? zoneLabel(r.zone) : null,
  };
}
