/**
 * Stable ids.
 *
 * Event: `ev-` + shortHash(type, date, sorted participants). With a previous dataset,
 * an event that matches a previous one keeps the previous id, so ids survive new
 * articles (which may refine the date, add participants or merge in new mentions).
 * A match is: shared event mentions (strongest), or same type family + compatible
 * date + overlapping participants. Matching is one-to-one, best score first.
 *
 * Conflict: `cf-` + shortHash(event id, attribute); a second finding on the same
 * attribute adds its kind. Any remaining collision is resolved by a counter, in the
 * (deterministic) order the items come in.
 */
import { shortHash } from '../text/hash.ts';
import type { CanonicalEvent, Dataset, EventType } from '../types.ts';
import { fold, sameKindAndDate, typeFamily, yearOf } from './values.ts';

export interface IdentityDraft {
  type: EventType;
  date: string | null;
  participants: readonly string[];
  mentions: readonly string[];
  sources: readonly string[];
}

export function baseEventId(type: EventType, date: string | null, participants: readonly string[]): string {
  return `ev-${shortHash([type, date ?? '', ...[...participants].sort()])}`;
}

export function assignEventIds(drafts: readonly IdentityDraft[], previous: Dataset | null | undefined): string[] {
  const ids: (string | null)[] = drafts.map(() => null);
  const taken = new Set<string>();

  if (previous && previous.events.length > 0) {
    for (const { draft, prev } of matchPrevious(drafts, previous.events)) {
      ids[draft] = previous.events[prev]!.id;
      taken.add(previous.events[prev]!.id);
    }
  }

  // Unmatched: the best-attested event gets the plain id when two would collide.
  const order = drafts
    .map((d, i) => i)
    .filter((i) => ids[i] === null)
    .sort(
      (a, b) =>
        drafts[b]!.sources.length - drafts[a]!.sources.length ||
        firstMention(drafts[a]!).localeCompare(firstMention(drafts[b]!)) ||
        a - b,
    );
  for (const i of order) {
    const d = drafts[i]!;
    let id = baseEventId(d.type, d.date, d.participants);
    if (taken.has(id)) id = `ev-${shortHash([d.type, d.date ?? '', ...[...d.participants].sort(), firstMention(d)])}`;
    for (let n = 2; taken.has(id); n++) id = `ev-${shortHash([d.type, d.date ?? '', firstMention(d), n])}`;
    taken.add(id);
    ids[i] = id;
  }
  return ids as string[];
}

function firstMention(d: IdentityDraft): string {
  return [...d.mentions].sort()[0] ?? '';
}

/** One-to-one matches between drafts and previous events, best score first. */
function matchPrevious(
  drafts: readonly IdentityDraft[],
  previous: readonly CanonicalEvent[],
): { draft: number; prev: number }[] {
  // Index previous events so candidates are found without comparing all pairs. Besides
  // shared mentions, identityScore is > 0 only for the same type family and compatible
  // dates with a shared participant, or, when neither names anyone, a shared source:
  // index exactly those. (A family + year bucket alone made this quadratic: at 100k
  // articles each draft was scored against ~1,000 previous events of its year.)
  // Keyed by the family + year bucket too, so a frequent participant ("Trump") does not
  // bring in every previous event naming him across the years.
  const bucketOf = (event: { type: EventType; date: string | null }): string => `${typeFamily(event.type)}:${yearOf(event.date) ?? '?'}`;
  const byMention = new Map<string, number[]>();
  const byPerson = new Map<string, number[]>(); // bucket + folded participant
  const byLoneSource = new Map<string, number[]>(); // bucket + source, events naming nobody
  previous.forEach((event, p) => {
    for (const m of event.mentions) push(byMention, m, p);
    const bucket = bucketOf(event);
    if (event.participants.length === 0) for (const s of new Set(event.sources)) push(byLoneSource, `${bucket}\u0000${s}`, p);
    else for (const x of new Set(event.participants.map(fold))) push(byPerson, `${bucket}\u0000${x}`, p);
  });
  const related = (draft: IdentityDraft): number[] => {
    const bucket = bucketOf(draft);
    if (draft.participants.length === 0) return [...new Set(draft.sources)].flatMap((s) => byLoneSource.get(`${bucket}\u0000${s}`) ?? []);
    return [...new Set(draft.participants.map(fold))].flatMap((x) => byPerson.get(`${bucket}\u0000${x}`) ?? []);
  };

  const candidates: { draft: number; prev: number; score: number }[] = [];
  drafts.forEach((draft, d) => {
    const seen = new Set<number>();
    const pool = [
      ...draft.mentions.flatMap((m) => byMention.get(m) ?? []),
      // The same candidates as the family + year bucket this replaces, minus those scoring 0.
      ...related(draft).filter((p) => sameKindAndDate(draft, previous[p]!)),
    ];
    for (const p of pool) {
      if (seen.has(p)) continue;
      seen.add(p);
      const score = identityScore(draft, previous[p]!);
      if (score > 0) candidates.push({ draft: d, prev: p, score });
    }
  });

  candidates.sort(
    (a, b) => b.score - a.score || a.draft - b.draft || previous[a.prev]!.id.localeCompare(previous[b.prev]!.id),
  );
  const usedDraft = new Set<number>();
  const usedPrev = new Set<number>();
  const out: { draft: number; prev: number }[] = [];
  for (const c of candidates) {
    if (usedDraft.has(c.draft) || usedPrev.has(c.prev)) continue;
    usedDraft.add(c.draft);
    usedPrev.add(c.prev);
    out.push({ draft: c.draft, prev: c.prev });
  }
  return out;
}

/** > 0 when the draft is plausibly the previous event; higher is more certain. */
export function identityScore(draft: IdentityDraft, prev: CanonicalEvent): number {
  const prevMentions = new Set(prev.mentions);
  const sharedMentions = draft.mentions.filter((m) => prevMentions.has(m)).length;
  if (sharedMentions > 0) return 100 + sharedMentions;

  if (!sameKindAndDate(draft, prev)) return 0;
  const a = new Set(draft.participants.map(fold));
  const overlap = prev.participants.filter((p) => a.has(fold(p))).length;
  const bothEmpty = a.size === 0 && prev.participants.length === 0;
  if (overlap === 0 && !bothEmpty) return 0;
  const prevSources = new Set(prev.sources);
  const sharedSources = draft.sources.filter((s) => prevSources.has(s)).length;
  if (bothEmpty && sharedSources === 0) return 0; // nothing but a type and a date in common
  return (draft.type === prev.type ? 2 : 0) + (draft.date === prev.date ? 2 : 1) + overlap + sharedSources * 0.5;
}

export function conflictId(event: string, attribute: string, kind: string, taken: ReadonlySet<string>): string {
  let id = `cf-${shortHash([event, attribute])}`;
  if (taken.has(id)) id = `cf-${shortHash([event, attribute, kind])}`;
  for (let n = 2; taken.has(id); n++) id = `cf-${shortHash([event, attribute, kind, n])}`;
  return id;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(value);
}
