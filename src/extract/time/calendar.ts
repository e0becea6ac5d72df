/** Pure calendar arithmetic on proleptic Gregorian dates (no time zones here). */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, like chrono and Date. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** ISO 8601 week: the week-numbering year and week number. */
export function isoWeek(date: CalendarDate): { year: number; week: number } {
  const weekday = (weekdayOf(date) + 6) % 7; // Monday = 0
  const thursday = addDays(date, 3 - weekday);
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const week = 1 + Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / (7 * 86400000));
  return { year: thursday.year, week };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
export const pad4 = (n: number): string => String(n).padStart(4, '0');

export function formatDate(date: CalendarDate): string {
  return `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}`;
}
