/**
 * The reviewer's decisions (decisions.json): parse them, then apply them to a fresh
 * dataset. Pure: text in, values out; the CLI reads the file and prints the problems.
 *
 * A decision picks one of the values the sources give; it never invents one. A value
 * no source gives is refused (with the allowed options listed), a decision whose
 * conflict is gone is stale; both are reported, never dropped silently.
 */
import { LineIndex } from '../text/location.ts';
import { compareText, decisionValue, formatValue, isInterval, isTimeValue } from '../report/format.ts';
import type { CanonicalAttribute, CanonicalEvent, ClaimValue, Conflict, ConflictValue, Dataset, Problem } from '../types.ts';

export interface Decision {
  conflict: string;
  /** Any JSON value; matched against the conflict's options by `matchOption`. */
  value: unknown;
  note?: string;
  by?: string;
  /** 1-based line of the entry in the decisions file, for messages. */
  line?: number;
}

export interface RefusedDecision {
  decision: Decision;
  reason: string;
}

export interface DecisionOutcome {
  dataset: Dataset;
  /** Ids of the conflicts a decision resolved, in file order. */
  applied: string[];
  stale: Decision[];
  refused: RefusedDecision[];
  problems: Problem[];
}

// ─── Parsing ───────────────────────────────────────────────────────────────

/** Offsets of the top-level array's elements, by a string-aware scan (O(n)). */
function topLevelElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (depth === 1 && expectValue && ch !== ']') {
      offsets.push(i);
      expectValue = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1 && ch === '[') expectValue = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectValue = true;
  }
  return offsets;
}

/** The line of a JSON.parse error, from V8's "at position N" or "(line L column C)". */
function syntaxErrorLine(error: Error, text: string, lines: LineIndex): number | null {
  const lineMatch = /\(line (\d+) column \d+\)/.exec(error.message);
  if (lineMatch) return Number(lineMatch[1]);
  const positionMatch = /at position (\d+)/.exec(error.message);
  if (positionMatch) return lines.locate(Number(positionMatch[1])).line;
  if (/end of JSON input/i.test(error.message)) return lines.locate(Math.max(0, text.trimEnd().length)).line;
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseDecisions(text: string, path: string): { decisions: Decision[]; problems: Problem[] } {
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const problem = (line: number | null, message: string): void => {
    problems.push({ path, line, severity: 'error', message });
  };
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { decisions: [], problems };

  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    problem(syntaxErrorLine(error as Error, source, lines), `decisions are not valid JSON: ${message}`);
    return { decisions: [], problems };
  }
  if (!Array.isArray(data)) {
    problem(1, 'decisions must be a JSON array of {"conflict", "value", "note", "by"} objects');
    return { decisions: [], problems };
  }

  const offsets = topLevelElementOffsets(source);
  const offsetShift = text.length - source.length; // a BOM, if any
  const decisions: Decision[] = [];
  data.forEach((entry: unknown, i) => {
    const offset = offsets[i];
    const line = offset === undefined ? null : lines.locate(offset + offsetShift).line;
    if (!isPlainObject(entry)) {
      problem(line, `decision ${i + 1} is not an object: expected {"conflict", "value", "note", "by"}`);
      return;
    }
    const missing: string[] = [];
    if (typeof entry.conflict !== 'string' || entry.conflict.trim() === '') missing.push('"conflict" (a conflict id)');
    if (!('value' in entry) || entry.value === null) missing.push('"value"');
    if (missing.length > 0) {
      problem(line, `decision ${i + 1} is missing ${missing.join(' and ')}; it is ignored`);
      return;
    }
    for (const field of ['note', 'by'] as const) {
      if (field in entry && entry[field] !== null && typeof entry[field] !== 'string') {
        problem(line, `decision ${i + 1}: "${field}" must be a string; it is ignored`);
      }
    }
    const decision: Decision = { conflict: (entry.conflict as string).trim(), value: entry.value };
    if (typeof entry.note === 'string' && entry.note !== '') decision.note = entry.note;
    if (typeof entry.by === 'string' && entry.by !== '') decision.by = entry.by;
    if (line !== null) decision.line = line;
    decisions.push(decision);
  });
  return { decisions, problems };
}

// ─── Matching a decided value to the conflict's options ────────────────────

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function instant(text: string): number | null {
  const trimmed = text.trim();
  if (!ISO_INSTANT.test(trimmed)) return null;
  const ms = Date.parse(trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : ms;
}

function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function sameString(a: string, b: string): boolean {
  const ta = instant(a);
  const tb = instant(b);
  if (ta !== null && tb !== null) return ta === tb;
  return normalizeText(a) === normalizeText(b);
}

function sameInterval(decided: Record<string, unknown>, option: { min: number | null; max: number | null; unit: string }): boolean {
  const unit = typeof decided.unit === 'string' ? decided.unit : option.unit;
  return (decided.min ?? null) === option.min && (decided.max ?? null) === option.max && normalizeText(unit) === normalizeText(option.unit);
}

/** Does the decided value mean the same as this option's value (or its text as written)? */
export function matchesOption(decided: unknown, option: Pick<ConflictValue, 'value' | 'text'>): boolean {
  const value: ClaimValue = option.value;
  if (typeof decided === 'string') {
    if (sameString(decided, option.text)) return true;
    if (typeof value === 'string') return sameString(decided, value);
    if (Array.isArray(value)) return sameString(decided, value.join(', '));
    if (isTimeValue(value)) {
      return (
        (value.utc !== null && sameString(decided, value.utc)) ||
        sameString(decided, value.timex) ||
        (value.date !== null && sameString(decided, value.date))
      );
    }
    return sameString(decided, formatValue(value));
  }
  if (typeof decided === 'number') {
    return isInterval(value) && value.min === decided && value.max === decided;
  }
  if (Array.isArray(decided)) {
    if (!Array.isArray(value) || decided.length !== value.length) return false;
    const a = decided.map((x) => (typeof x === 'string' ? normalizeText(x) : JSON.stringify(x))).sort(compareText);
    const b = value.map(normalizeText).sort(compareText);
    return a.every((x, i) => x === b[i]);
  }
  if (isPlainObject(decided)) {
    if (isInterval(value)) return 'min' in decided || 'max' in decided ? sameInterval(decided, value) : false;
    if (isTimeValue(value)) {
      if (typeof decided.utc === 'string' && value.utc !== null) return sameString(decided.utc, value.utc);
      return typeof decided.timex === 'string' && decided.timex === value.timex;
    }
  }
  return false;
}

function describeOptions(conflict: Conflict): string {
  return conflict.values
    .map((option) => {
      const shown = JSON.stringify(decisionValue(option.value));
      return option.text && option.text !== formatValue(option.value) ? `${shown} ("${option.text}")` : shown;
    })
    .join(', ');
}

// ─── Applying ──────────────────────────────────────────────────────────────

/**
 * Claim ids behind one option. Claim ids are `${source}:${start}-${end}:${attribute}`, so
 * an option's evidence names its claims exactly; when the evidence is a whole sentence
 * rather than the claim's span, fall back to the attribute's claims from the option's
 * sources that no other option shares.
 */
function claimsOfOption(attribute: CanonicalAttribute | undefined, conflict: Conflict, option: ConflictValue): string[] {
  const known = attribute?.claims ?? [];
  const exact = new Set(option.evidence.map((e) => `${e.source}:${e.start}-${e.end}:${conflict.attribute}`));
  const matched = known.filter((id) => exact.has(id));
  if (matched.length > 0) return matched;
  const others = new Set(conflict.values.filter((v) => v !== option).flatMap((v) => v.sources));
  const own = option.sources.filter((s) => !others.has(s));
  return known.filter((id) => own.some((s) => id.startsWith(`${s}:`)));
}

function resolvedEvent(event: CanonicalEvent, conflict: Conflict, option: ConflictValue): CanonicalEvent {
  const previous = event.attributes[conflict.attribute];
  const attribute: CanonicalAttribute = {
    value: option.value,
    text: option.text,
    status: 'resolved',
    claims: claimsOfOption(previous, conflict, option),
  };
  const next: CanonicalEvent = { ...event, attributes: { ...event.attributes, [conflict.attribute]: attribute } };
  // The headline fields mirror their attributes.
  if (conflict.attribute === 'date') {
    if (typeof option.value === 'string') next.date = option.value;
    else if (isTimeValue(option.value) && option.value.date !== null) next.date = option.value.date;
  } else if (conflict.attribute === 'location' && typeof option.value === 'string') next.location = option.value;
  else if (conflict.attribute === 'participants' && Array.isArray(option.value)) next.participants = [...option.value];
  return next;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function applyDecisions(dataset: Dataset, decisions: readonly Decision[], path: string): DecisionOutcome {
  const conflicts = new Map(dataset.conflicts.map((c) => [c.id, c]));
  const problems: Problem[] = [];
  const stale: Decision[] = [];
  const refused: RefusedDecision[] = [];

  // The last decision for a conflict wins; earlier ones are reported as superseded.
  const lastIndex = new Map<string, number>();
  decisions.forEach((d, i) => lastIndex.set(d.conflict, i));

  const chosen = new Map<string, { decision: Decision; option: ConflictValue }>();
  const applied: string[] = [];
  decisions.forEach((decision, i) => {
    const line = decision.line ?? null;
    const conflict = conflicts.get(decision.conflict);
    if (!conflict) {
      stale.push(decision);
      problems.push({
        path,
        line,
        severity: 'warning',
        message: `decision for ${decision.conflict} is stale: the conflict no longer exists`,
      });
      return;
    }
    if (lastIndex.get(decision.conflict) !== i) {
      const later = decisions[lastIndex.get(decision.conflict)!]!;
      const reason = `decision for ${decision.conflict} is superseded by the later one${later.line ? ` at line ${later.line}` : ''}`;
      refused.push({ decision, reason });
      problems.push({ path, line, severity: 'warning', message: reason });
      return;
    }
    const option = conflict.values.find((v) => matchesOption(decision.value, v));
    if (!option) {
      const reason =
        `decision for ${decision.conflict} refuses value ${JSON.stringify(shown(decision.value))}: ` +
        `no source gives it; options are ${describeOptions(conflict)}`;
      refused.push({ decision, reason });
      problems.push({ path, line, severity: 'error', message: reason });
      return;
    }
    chosen.set(conflict.id, { decision, option });
    applied.push(conflict.id);
  });

  const nextConflicts = dataset.conflicts.map((conflict): Conflict => {
    const choice = chosen.get(conflict.id);
    if (!choice) return conflict;
    return {
      ...conflict,
      resolution: { value: choice.option.value, by: choice.decision.by ?? null, note: choice.decision.note ?? null },
    };
  });
  const choicesByEvent = new Map<string, { conflict: Conflict; option: ConflictValue }[]>();
  for (const conflict of dataset.conflicts) {
    const choice = chosen.get(conflict.id);
    if (choice) choicesByEvent.set(conflict.event, [...(choicesByEvent.get(conflict.event) ?? []), { conflict, option: choice.option }]);
  }
  const nextEvents = dataset.events.map((event) =>
    (choicesByEvent.get(event.id) ?? []).reduce((next, { conflict, option }) => resolvedEvent(next, conflict, option), event),
  );

  return {
    dataset: { ...dataset, events: nextEvents, conflicts: nextConflicts },
    applied,
    stale,
    refused,
    problems,
  };
}
