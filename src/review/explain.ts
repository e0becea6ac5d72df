/**
 * `reconcile explain EVENT_ID`: one event in the terminal — what it is, who reports
 * it, every claim behind each attribute with its quote and place, why its mentions
 * were merged, and its conflicts. Plain text, lines wrapped at 100 columns.
 * Article text is untrusted here too: control characters (terminal escapes) are removed.
 */
import {
  compareText,
  evidencePlace,
  formatMergeReason,
  formatStoryLink,
  formatValue,
  outletOf,
  outletsOf,
  quoteInContext,
  sourceIndex,
} from '../report/format.ts';
import type { Claim, Dataset, Evidence } from '../types.ts';

export const EXPLAIN_WIDTH = 100;

/** Thrown for an id that names no event; the CLI prints the message and exits 2. */
export class UnknownEventError extends Error {
  override readonly name: string = 'UnknownEventError';
  constructor(
    readonly eventId: string,
    readonly suggestions: string[],
  ) {
    super(
      `unknown event "${eventId}"` +
        (suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '; see events.csv for the ids'),
    );
  }
}

/** Thrown for a prefix that several events share. */
export class AmbiguousEventError extends UnknownEventError {
  override readonly name: string = 'AmbiguousEventError';
  constructor(eventId: string, candidates: string[]) {
    super(eventId, candidates);
    this.message = `event id "${eventId}" is ambiguous; it starts ${candidates.join(', ')}`;
  }
}

/** Strip C0/C1 control characters (ESC sequences could rewrite the terminal) and flatten whitespace. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Greedy word wrap with a hanging indent; words longer than the width are cut. */
export function wrap(text: string, indent: string, width = EXPLAIN_WIDTH, firstIndent = indent): string[] {
  const words = terminalSafe(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (let word of words) {
    while (word.length > 0) {
      const room = width - line.length - (empty ? 0 : 1);
      if (word.length <= room) {
        line += (empty ? '' : ' ') + word;
        empty = false;
        word = '';
      } else if (!empty) {
        lines.push(line);
        line = indent;
        empty = true;
      } else {
        const cut = Math.max(1, room);
        line += word.slice(0, cut);
        word = word.slice(cut);
        lines.push(line);
        line = indent;
      }
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The event an id names: exact, else a unique prefix (like a short git hash).
 * Otherwise throws with the nearest ids: those the id prefixes, else those sharing
 * the longest prefix with it.
 */
export function findEvent(dataset: Dataset, eventId: string): Dataset['events'][number] {
  const exact = dataset.events.find((e) => e.id === eventId);
  if (exact) return exact;
  const ids = dataset.events.map((e) => e.id).sort(compareText);
  const prefixed = eventId === '' ? [] : ids.filter((id) => id.startsWith(eventId));
  if (prefixed.length === 1) return dataset.events.find((e) => e.id === prefixed[0])!;
  if (prefixed.length > 1) throw new AmbiguousEventError(eventId, prefixed.slice(0, 5));
  const scored = ids.map((id) => ({ id, shared: commonPrefixLength(id, eventId) }));
  const best = Math.max(0, ...scored.map((s) => s.shared));
  const nearest = best === 0 ? [] : scored.filter((s) => s.shared === best).map((s) => s.id);
  throw new UnknownEventError(eventId, nearest.slice(0, 5));
}

/**
 * `texts` (article id → raw text), when given, shows each quote inside its sentence
 * with the quoted span in «»; without it only the quote itself is shown.
 */
export function explainEvent(
  dataset: Dataset,
  claims: readonly Claim[],
  eventId: string,
  texts: ReadonlyMap<string, string> = new Map(),
): string {
  const event = findEvent(dataset, eventId);
  const sources = sourceIndex(dataset);
  const claimsById = new Map(claims.map((c) => [c.id, c]));
  const out: string[] = [];
  const rule = '─'.repeat(EXPLAIN_WIDTH);

  out.push(rule, ...wrap(`${event.title}`, '  ', EXPLAIN_WIDTH, ''), rule);
  out.push(`id            ${event.id}`);
  out.push(`type          ${event.type}`);
  out.push(`date          ${event.date ?? 'unknown'}`);
  out.push(...wrap(event.participants.join(', ') || '—', ' '.repeat(14), EXPLAIN_WIDTH, 'participants  '));
  out.push(`location      ${terminalSafe(event.location ?? '—')}`);
  // An events.json written before stories existed has neither field.
  const story = (dataset.stories ?? []).find((st) => st.id === event.story);
  const others = story ? story.events.filter((id) => id !== event.id).map((id) => dataset.events.find((e) => e.id === id)) : [];
  const storyText = others.length > 0 ? `${event.story} (with ${others.map((e) => (e ? `${e.id} ${e.date ?? 'undated'}` : '?')).join(', ')})` : `${event.story ?? '—'} (this event only)`;
  out.push(...wrap(storyText, ' '.repeat(14), EXPLAIN_WIDTH, 'story         '));

  out.push('', `Sources (${event.sources.length})`);
  for (const id of event.sources) {
    const source = sources.get(id);
    out.push(...wrap(`${outletOf(id, sources)} — ${source?.path ?? id}${source?.published ? ` (${source.published})` : ''}`, '    ', EXPLAIN_WIDTH, '  '));
  }

  out.push('', 'Attributes');
  const names = Object.keys(event.attributes).sort(compareText);
  if (names.length === 0) out.push('  (none)');
  const cited = new Set<string>();
  const claimLines = (claim: Claim): string[] => {
    const place = evidencePlace(claim.evidence, sources);
    const who = [claim.attribution ?? outletOf(claim.source, sources), claim.modality].join(', ');
    return [
      ...wrap(`“${claim.text}” → ${formatValue(claim.value)} · ${place} · (${who})`, '        ', EXPLAIN_WIDTH, '    - '),
      ...wrap(`> ${terminalSafe(inSentence(claim.evidence, texts.get(claim.source)))}`, '        ', EXPLAIN_WIDTH, '      '),
    ];
  };
  for (const name of names) {
    const attribute = event.attributes[name]!;
    out.push(...wrap(`${name} [${attribute.status}] ${formatValue(attribute.value)} (“${attribute.text}”)`, '      ', EXPLAIN_WIDTH, '  '));
    for (const id of attribute.claims) {
      cited.add(id);
      const claim = claimsById.get(id);
      out.push(...(claim ? claimLines(claim) : wrap(`${id} (not in claims.jsonl)`, '        ', EXPLAIN_WIDTH, '    - ')));
    }
  }
  const uncited = claims.filter((c) => c.event === event.id && !cited.has(c.id));
  if (uncited.length > 0) {
    out.push('', 'Other claims about this event');
    for (const claim of uncited) {
      out.push(...wrap(`${claim.attribute}`, '  ', EXPLAIN_WIDTH, '  '), ...claimLines(claim));
    }
  }

  out.push('', `Merge reasons (${event.mergeReasons.length})`);
  if (event.mergeReasons.length === 0) out.push('  (a single mention)');
  for (const link of event.mergeReasons) out.push(...wrap(formatMergeReason(link, sources), '      ', EXPLAIN_WIDTH, '  '));
  if (story) {
    out.push('', `Why ${story.id} is one story (${story.links.length})`);
    for (const link of story.links) out.push(...wrap(formatStoryLink(link, sources), '      ', EXPLAIN_WIDTH, '  '));
  }

  const conflicts = dataset.conflicts.filter((c) => c.event === event.id).sort((a, b) => compareText(a.id, b.id));
  out.push('', `Conflicts (${conflicts.length})`);
  if (conflicts.length === 0) out.push('  (none)');
  for (const conflict of conflicts) {
    const status = conflict.resolution ? `resolved → ${formatValue(conflict.resolution.value)}` : 'open';
    out.push(...wrap(`${conflict.id} ${conflict.attribute}: ${conflict.kind}, ${conflict.severity}, ${status}`, '      ', EXPLAIN_WIDTH, '  '));
    out.push(...wrap(conflict.message, '      ', EXPLAIN_WIDTH, '    '));
    conflict.values.forEach((option, i) => {
      const label = String.fromCharCode(65 + (i % 26));
      out.push(
        ...wrap(`${label}: ${formatValue(option.value)} (“${option.text}”) — ${outletsOf(option.sources, sources).join(', ')}`, '       ', EXPLAIN_WIDTH, '    '),
      );
    });
  }
  // Belt and braces: no control character from any field reaches the terminal.
  // eslint-disable-next-line no-control-regex
  return out.join('\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
}

/** The quote within its sentence, the quoted span in «» (just the quote without the text). */
function inSentence(evidence: Evidence, text: string | undefined): string {
  const { before, quote, after, clippedStart, clippedEnd } = quoteInContext(evidence, text);
  if (before === '' && after === '') return quote;
  return `${clippedStart ? '… ' : ''}${before}«${quote}»${after}${clippedEnd ? ' …' : ''}`;
}
