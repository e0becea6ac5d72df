/**
 * events.csv: one row per canonical event, RFC 4180 (fields with a comma, quote, CR or
 * LF are quoted, quotes doubled), `\n` line ends, a final newline. Rows follow the
 * dataset's event order and list values in the dataset's order, so reruns are identical.
 */
import { conflictsByEvent } from './format.ts';
import type { Dataset } from '../types.ts';

/** The contract's columns, then `story` (events of one story share it: follow-ups, see reconcile/stories.ts). */
export const EVENTS_CSV_HEADER = ['id', 'type', 'date', 'title', 'participants', 'location', 'sources', 'conflicts', 'story'] as const;

/** Separator inside a multi-valued cell (participants, sources, conflict ids). */
const LIST_SEPARATOR = '; ';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

export function eventsCsv(dataset: Dataset): string {
  return [...eventsCsvChunks(dataset)].join('');
}

/** events.csv one row at a time, for the CLI (a big dump's CSV never exists as one string). */
export function* eventsCsvChunks(dataset: Dataset): Generator<string> {
  const conflicts = conflictsByEvent(dataset);
  yield `${csvRow(EVENTS_CSV_HEADER)}\n`;
  for (const event of dataset.events) {
    yield `${csvRow([
      event.id,
      event.type,
      event.date ?? '',
      event.title,
      event.participants.join(LIST_SEPARATOR),
      event.location ?? '',
      event.sources.join(LIST_SEPARATOR),
      (conflicts.get(event.id) ?? []).join(LIST_SEPARATOR),
      event.story,
    ])}\n`;
  }
}
