/**
 * Reconciliation: event mentions and claims from many articles in, canonical events,
 * conflicts and rewritten claims out. Pure and deterministic: no I/O, no clock, and
 * the result does not depend on the order of the input mentions.
 *
 *   blocking → compare (scored, explained) → cluster (union-find + date guard)
 *   → attach undated mentions → join stories → merge → ids → conflicts → primary events
 *   → stories of several events (follow-ups: one story, separate events; storiesOf)
 *
 * Primary events (primary.ts) are per article; articles telling one story share one
 * (stories.ts), and an article with no event mention of its own takes the one story its
 * lead tells. ECB+ document clustering by primaryEvent, B-cubed F1 (`npm run eval`,
 * tuned on dev + train and GVC val): dev 80.5 → 97.8, train 70.2 → 91.2, test 65.9 →
 * 83.7, GVC val 92.9 → 94.5 with the event lexicon and dating in extract/event, the
 * story rules (stories.ts), adoption, publication dates from stamps (ingest/infer.ts),
 * stale headlines and recalled events below.
 *
 * Undated mentions ("the call", "a cellphone call") are never matched by score. One
 * joins an event only with strong other evidence:
 *   A. it is in the same article as that article's dominant event, of the same type
 *      family, and names no participant the event lacks (a planned mention, "a call
 *      will take place", never joins an event dated before its publication; a headline
 *      never joins a stale one when the article tells of a newer one, see staleHeadline;
 *      nor one the article only recalls: every mention of it in the article dated well
 *      before publication and past its opening sentences, "a quake in February killed
 *      600" under today's quake: train +0.5, dev ±0 over 3–10 sentences); or
 *   B. it names two or more participants, and exactly one event of the same type with
 *      those participants is dated within ±3 days of the article's publication.
 * Otherwise undated mentions of one article with the same type and participants form
 * an event of their own (date null).
 */
import type {
  Article,
  CanonicalEvent,
  Claim,
  Conflict,
  Dataset,
  EventMention,
  MergeReason,
  Story,
} from '../types.ts';
import { candidatePairs, participantsKey } from './blocking.ts';
import { clusterMentions, LinkTable } from './cluster.ts';
import { compareMentions, compareProfiles, MATCH_THRESHOLD, profileMention, ScoreTable, type MentionProfile } from './compare.ts';
import { durationVsTimes, findConflicts, postProcess, type Finding } from './conflicts.ts';
import { assignEventIds, type IdentityDraft } from './ids.ts';
import { mergeCluster, type EventDraft } from './merge.ts';
import { groupOrigins } from './origins.ts';
import { postIndex } from './posts.ts';
import { dominantGroupBySource, isBackground, isLead, primaryEvents, type EventOfMention } from './primary.ts';
import { adoptStories, LeadTexts, linkStories, type StoryLink } from './stories.ts';
import { dateLevel, dateOf, dayNumber, fold, typeFamily, withinDays } from './values.ts';

export interface ReconcileInput {
  articles: Article[];
  events: EventMention[];
  claims: Claim[];
  previous?: Dataset | null;
  /** The caller gives its claims away: their `event` is rewritten in place instead of in copies (the pipeline's). */
  claimsOwned?: boolean;
  /**
   * Told each event's identity (what ids.ts matches previous events on) and the id it got:
   * `previous` is read for the ids only, so a stored result stands for another previous
   * dataset that gives the same ids (reconcile-cache.ts).
   */
  onIds?: (drafts: readonly IdentityDraft[], ids: readonly string[]) => void;
}

export interface ReconcileResult {
  events: CanonicalEvent[];
  conflicts: Conflict[];
  /** The input claims, in input order, with `event` rewritten to canonical event ids. */
  claims: Claim[];
  /** Article id → its primary event id (null when it has none). */
  primaryEvents: Record<string, string | null>;
  /** Stories of two or more events (follow-ups of each other), in the order of their first events. */
  stories: Story[];
  /** Article id → the story of its primary event (null when it has none). */
  primaryStories: Record<string, string | null>;
}

/** Days around an article's publication in which rule B looks for the one matching event. */
export const UNDATED_WINDOW_DAYS = 3;

type Reasons = CanonicalEvent['mergeReasons'];

export function reconcile(input: ReconcileInput): ReconcileResult {
  const articles = new Map(input.articles.map((a) => [a.id, a]));
  const mentions = uniqueById(input.events);
  const published = publishedDates(input.articles);
  const mentionById = new Map(mentions.map((m) => [m.id, m]));
  const lookup: Lookup = { mentionById, published };
  const claimsByMention = claimsByEvent(input.claims);

  // 1–3. Dated mentions: blocking, scored comparison, guarded clustering.
  const dated = mentions.filter((m) => dateOf(m.time) !== null);
  const clustering = clusterMentions(dated, scoreCandidates(dated, new ScoreTable(dated)));
  const groups: EventMention[][] = clustering.clusters.map((c) => c.map((i) => dated[i]!));
  const reasons: Reasons[] = groups.map(() => []);
  const groupOfMention = new Map<string, number>();
  groups.forEach((g, gi) => g.forEach((m) => groupOfMention.set(m.id, gi)));
  // Only the links kept as reasons are compared again for their labels (the tables hold scores only):
  // their mentions are profiled once each, when first needed.
  const profiles = new Array<MentionProfile | undefined>(dated.length);
  const profileAt = (i: number): MentionProfile => profiles[i] ?? (profiles[i] = profileMention(dated[i]!));
  for (const link of clustering.applied) {
    const gi = groupOfMention.get(dated[link.a]!.id)!;
    const comparison = compareProfiles(profileAt(link.a), profileAt(link.b));
    reasons[gi]!.push(reasonEntry(dated[link.a]!, dated[link.b]!, comparison.score, comparison.reasons));
  }
  profiles.length = 0;

  // 4. Undated mentions.
  const undated = mentions.filter((m) => dateOf(m.time) === null);
  attachUndated(undated, groups, reasons, groupOfMention, articles, claimsByMention, lookup);

  // 4b–4c. Stories (stories.ts).
  const { adopted, followUps } = tellStories(input.articles, groups, reasons, groupOfMention, input.claims, lookup);
  mentionById.clear(); // read by the steps so far only
  clearSharedReasons(); // no merge reason is made after the stories (their objects stay shared)

  // 5. Merge each group into a draft canonical event, and find its conflicts at once (mergeGroups).
  const { drafts, findingsPerDraft } = mergeGroups(groups, reasons, claimsByMention, articles);
  claimsByMention.clear(); // emptied by the merge but for claims of no mention
  // 6. Ids (stable across runs with `previous`).
  const ids = assignEventIds(drafts, input.previous ?? null);
  input.onIds?.(drafts, ids);

  // 7. Conflicts, then attribute statuses that depend on them.
  const findings = findingsPerDraft.flatMap((found, i) => found.map((f) => ({ ...f, event: ids[i]! })));
  findingsPerDraft.length = 0;
  const conflicts = postProcess(findings);
  const disputed = new Set(
    conflicts
      .filter((c) => c.kind === 'contradiction' || c.kind === 'different-time-reference')
      .map((c) => `${c.event}\u0000${c.attribute}`),
  );

  const all: CanonicalEvent[] = drafts.map((draft, i) => {
    const id = ids[i]!;
    for (const [name, attribute] of Object.entries(draft.attributes)) {
      if (disputed.has(`${id}\u0000${name}`)) attribute.status = 'conflict';
    }
    return { id, story: '', ...draft }; // the story is named once the events are known (storiesOf)
  });
  drafts.length = 0; // copied into `all`, with their ids
  const events = all.filter(isInformative);
  const dropped = all.filter((e) => !isInformative(e));

  // 8. Claims point at canonical events; primary event per article. A mention's event is
  // read through its group's index (the groups themselves went as they were merged).
  const eventOfMention: EventOfMention = {
    get: (mention) => {
      const gi = groupOfMention.get(mention);
      return gi === undefined ? undefined : ids[gi];
    },
  };
  const primary = primaryEvents(
    input.articles.map((a) => a.id),
    mentions,
    eventOfMention,
    input.claims,
    published,
  );
  // Claims the caller gives away are rewritten in place: one object per claim at the end, not two.
  const claims = input.claimsOwned ? input.claims : input.claims.map((c) => ({ ...c }));
  for (const c of claims) c.event = eventOfMention.get(c.event) ?? c.event;
  for (const [article, gi] of adopted) if (primary[article] === null) primary[article] = ids[gi]!;

  // An article's primary event stays even when it says little by itself (undated, nobody named):
  // it is what the article reports, and other articles' reports of it are joined to it.
  const primaryIds = new Set(Object.values(primary).filter((e): e is string => e !== null));
  events.push(...dropped.filter((e) => primaryIds.has(e.id)));
  events.sort(
    (a, b) =>
      (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.type.localeCompare(b.type) || a.id.localeCompare(b.id),
  );
  const kept = new Set(events.map((e) => e.id));
  for (const [article, event] of Object.entries(primary)) if (event && !kept.has(event)) primary[article] = null;

  const stories = storiesOf(events, followUps, eventOfMention, primary);
  const storyOf = new Map(events.map((e) => [e.id, e.story]));
  const primaryStories: Record<string, string | null> = {};
  for (const [article, event] of Object.entries(primary)) primaryStories[article] = event ? storyOf.get(event)! : null;

  return { events, stories, conflicts, claims, primaryEvents: primary, primaryStories };
}

/**
 * Names each event's story (`story`) and lists the stories of several events. Events joined by
 * follow-up links (stories.ts) are one story, named after its first event (earliest date, then
 * type and id, the order of `events`: `ev-…` → `st-…`); any other event is a story of its own.
 */
function storiesOf(
  events: readonly CanonicalEvent[],
  followUps: readonly StoryLink[],
  eventOfMention: EventOfMention,
  primary: Readonly<Record<string, string | null>>,
): Story[] {
  const index = new Map(events.map((e, i) => [e.id, i]));
  const { find, union } = disjointSets(events.length);
  const linksOf = new Map<number, Story['links']>();
  for (const link of followUps) {
    const a = index.get(eventOfMention.get(link.mentionA.id) ?? '');
    const b = index.get(eventOfMention.get(link.mentionB.id) ?? '');
    if (a === undefined || b === undefined) continue;
    const joined = union(a, b);
    if (!joined) continue;
    const [root, child] = joined;
    let links = linksOf.get(root);
    if (!links) linksOf.set(root, (links = []));
    for (const moved of linksOf.get(child) ?? []) links.push(moved);
    linksOf.delete(child);
    links.push({ a: link.mentionA.id, b: link.mentionB.id, reasons: link.reasons });
  }
  const members = new Map<number, CanonicalEvent[]>();
  events.forEach((e, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(e);
    else members.set(root, [e]);
  });
  const sourcesOf = new Map<string, string[]>();
  for (const [article, event] of Object.entries(primary)) if (event) push(sourcesOf, event, article);
  const stories: Story[] = [];
  for (const [root, list] of members) {
    const id = `st-${list[0]!.id.replace(/^ev-/, '')}`;
    for (const e of list) e.story = id;
    if (list.length < 2) continue;
    const sources = list.flatMap((e) => sourcesOf.get(e.id) ?? []).sort();
    const links = linksOf.get(root)!.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    stories.push({ id, events: list.map((e) => e.id), sources, links });
  }
  return stories;
}

/**
 * 5. Each group merged into a draft canonical event, its conflicts found at once, so its
 * attribute analyses and origins can go (kept for every event until all were merged, they
 * were the biggest step of the heap on large dumps); findings get their event's id in 7.
 * What a group's merge reads goes as soon as it is merged: the group (groups[gi], its
 * mentions' event is then read through groupOfMention), its merge reasons (the draft holds
 * them sorted) and its mentions' claim lists. Each mention is in exactly one group, so
 * nothing is read again. Live heap after a forced GC at the end of merging, 100k synthetic
 * articles: 459 → 389 MB with this and the claim lists copied at their size (claimsByEvent).
 */
function mergeGroups(
  groups: EventMention[][],
  reasons: Reasons[],
  claimsByMention: Map<string, Claim[]>,
  articles: ReadonlyMap<string, Article>,
): { drafts: Omit<EventDraft, 'analyses'>[]; findingsPerDraft: Finding[][] } {
  const drafts: Omit<EventDraft, 'analyses'>[] = [];
  const findingsPerDraft: Finding[][] = [];
  const posts = postIndex(articles); // live-blog post order, for running values (posts.ts)
  for (let gi = 0; gi < groups.length; gi++) {
    const sorted = [...groups[gi]!].sort(byId);
    groups[gi] = NO_MENTIONS;
    const claims = sorted.flatMap((m) => claimsByMention.get(m.id) ?? []);
    for (const m of sorted) claimsByMention.delete(m.id);
    const origins = groupOrigins(claims, articles);
    const { analyses, ...draft } = mergeCluster(sorted, claims, sortReasons(reasons[gi]!), origins, posts);
    reasons[gi] = NO_REASONS;
    findingsPerDraft.push(findingsOf(analyses, origins, articles));
    drafts.push(draft);
  }
  return { drafts, findingsPerDraft };
}
const NO_MENTIONS: EventMention[] = Object.freeze([]) as unknown as EventMention[];
const NO_REASONS: Reasons = Object.freeze([]) as unknown as Reasons;


/**
 * Claims by the event mention they are about, in input order. A list grown by push keeps
 * room for about 16 more (V8's growth), most lists hold one or two claims: each is copied
 * at its size (100k synthetic articles, 236k claims: 46 → 17 MB for the map and its lists).
 */
function claimsByEvent(claims: readonly Claim[]): Map<string, Claim[]> {
  const lists = new Map<string, Claim[]>();
  for (const claim of claims) {
    let list = lists.get(claim.event);
    if (!list) lists.set(claim.event, (list = []));
    list.push(claim);
  }
  for (const [event, list] of lists) lists.set(event, list.slice());
  return lists;
}

/** One draft's conflict findings (conflicts.ts), its event named `#pending` until ids are assigned. */
function findingsOf(analyses: EventDraft['analyses'], origins: ReturnType<typeof groupOrigins>, articles: ReadonlyMap<string, Article>): Finding[] {
  const findings: Finding[] = [];
  const byAttribute = new Map(analyses.map((a) => [a.attribute, a]));
  for (const analysis of analyses) findings.push(...findConflicts(PENDING_ID, analysis, origins, articles));
  const derived = durationVsTimes(PENDING_ID, byAttribute, origins, articles);
  if (derived) findings.push(derived);
  return findings;
}
const PENDING_ID = '#pending';

/**
 * The candidate pairs (blocking.ts) scoring at least MATCH_THRESHOLD, scored from the
 * mentions' packed profiles (ScoreTable, compare.ts). Every
 * weight of compare.ts is a multiple of 0.5, so a score is a small whole number of halves:
 * each pair's is kept in a byte while the links are counted, and the link table is then
 * allocated at its size and filled (growing it by copies set off full collections of a large
 * heap, see LinkTable), the pairs visited without a tuple each. A score that is not a whole
 * number of halves (a weight changed) falls back to scoring again into a growing table.
 * At 300k synthetic articles: 22M pairs, 7.2M links; −20 to −25% CPU for this step.
 */
function scoreCandidates(dated: readonly EventMention[], table: ScoreTable): LinkTable {
  const pairs = candidatePairs(dated);
  const halves = new Int8Array(pairs.length);
  let count = 0;
  let whole = true;
  pairs.forEach((a, b, k) => {
    const score = table.score(a, b);
    const twice = score * 2;
    if (twice !== Math.trunc(twice) || twice < -128 || twice > 127) whole = false;
    halves[k] = twice;
    if (score >= MATCH_THRESHOLD) count++;
  });
  if (!whole) {
    const links = new LinkTable();
    pairs.forEach((a, b) => {
      const score = table.score(a, b);
      if (score >= MATCH_THRESHOLD) links.add(a, b, score);
    });
    return links;
  }
  const links = new LinkTable(count);
  pairs.forEach((a, b, k) => {
    const score = halves[k]! / 2;
    if (score >= MATCH_THRESHOLD) links.add(a, b, score);
  });
  return links;
}

/**
 * An event record must say something: a date, a participant, a place or a claimed
 * value. A lone undated "the agreement" or "talks" with nobody named identifies no
 * event a reviewer could check; it stays out of the dataset (it has no claims, so no
 * claim loses its event).
 */
function isInformative(event: CanonicalEvent): boolean {
  return event.date !== null || event.participants.length > 0 || event.location !== null || Object.keys(event.attributes).length > 0;
}

// ─── Stories ────────────────────────────────────────────────────────────────

/**
 * 4b. Articles that tell the same story: their primary groups are joined. 4c. An article
 * with no event of its own takes the story its lead tells, if exactly one fits (article
 * id → group index). The articles' leads, read once for both steps, are dropped when
 * they are done instead of living through merging and conflicts.
 */
function tellStories(
  articles: readonly Article[],
  groups: EventMention[][],
  reasons: Reasons[],
  groupOfMention: Map<string, number>,
  claims: readonly Claim[],
  lookup: Lookup,
): { adopted: Map<string, number>; followUps: StoryLink[] } {
  const texts = new LeadTexts();
  const { links, followUps } = linkStories(articles, groups, dominantGroups(groups, groupOfMention, claims, lookup), texts);
  if (links.length > 0) joinGroups(links, groups, reasons, groupOfMention);
  return { adopted: adoptStories(articles, groups, dominantGroups(groups, groupOfMention, claims, lookup), texts), followUps };
}

/** Joins the groups that story links connect; emptied groups are removed. */
function joinGroups(
  links: readonly StoryLink[],
  groups: EventMention[][],
  reasons: Reasons[],
  groupOfMention: Map<string, number>,
): void {
  const { find, union } = disjointSets(groups.length);
  for (const link of links) {
    const joined = union(link.a, link.b);
    if (joined) reasons[joined[0]]!.push(reasonEntry(link.mentionA, link.mentionB, link.score, link.reasons));
  }
  const merged: EventMention[][] = [];
  const mergedReasons: Reasons[] = [];
  const index = new Map<number, number>();
  groups.forEach((group, gi) => {
    const root = find(gi);
    let target = index.get(root);
    if (target === undefined) {
      index.set(root, (target = merged.length));
      merged.push([]);
      mergedReasons.push([]);
    }
    merged[target]!.push(...group);
    mergedReasons[target]!.push(...reasons[gi]!);
  });
  // Replaced in place without spreading (a spread of 150k+ arguments overflows the stack).
  groups.length = 0;
  for (const group of merged) groups.push(group);
  reasons.length = 0;
  for (const entry of mergedReasons) reasons.push(entry);
  groupOfMention.clear();
  groups.forEach((g, gi) => g.forEach((m) => groupOfMention.set(m.id, gi)));
}

/**
 * Union-find over 0 … size − 1 with path compression; `union` keeps the smaller root and
 * returns [root, child], or null when both were one set already.
 */
function disjointSets(size: number): { find: (i: number) => number; union: (a: number, b: number) => [number, number] | null } {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): [number, number] | null => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return null;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    return [root, child];
  };
  return { find, union };
}

/** What the steps share, built once per run: mentions by id, articles' publication dates. */
interface Lookup {
  mentionById: ReadonlyMap<string, EventMention>;
  published: ReadonlyMap<string, string | null>;
}

/** Article id → index of its dominant group so far (primary.ts), for the story steps and rule A. */
function dominantGroups(
  groups: readonly EventMention[][],
  groupOfMention: ReadonlyMap<string, number>,
  claims: readonly Claim[],
  lookup: Lookup,
): Map<string, number> {
  return dominantGroupBySource(groups, groupOfMention, lookup.mentionById, claims, lookup.published);
}

// ─── Undated mentions ───────────────────────────────────────────────────────

function attachUndated(
  undated: readonly EventMention[],
  groups: EventMention[][],
  reasons: Reasons[],
  groupOfMention: Map<string, number>,
  articles: ReadonlyMap<string, Article>,
  claimsByMention: ReadonlyMap<string, Claim[]>,
  lookup: Lookup,
): void {
  if (undated.length === 0) return;
  const dominant = dominantGroups(groups, groupOfMention, [...claimsByMention.values()].flat(), lookup);
  const profiles = groups.map(profileOf);
  const ruleB = new RuleBIndex(profiles);

  // Every event mention of each article, dated or not (staleHeadline looks for a newer event of the same kind).
  // Built on first use (few headlines get that far), from the mentions as they are now, before any joins.
  const allMentions = [...groups.flat(), ...undated];
  let mentionsBySource: Map<string, EventMention[]> | null = null;
  const mentionsOf = (source: string): readonly EventMention[] => {
    if (!mentionsBySource) {
      mentionsBySource = new Map();
      for (const m of allMentions) push(mentionsBySource, m.source, m);
    }
    return mentionsBySource.get(source)!;
  };
  // Per group and article: how many of the article's mentions in the group are not recalled background
  // (counted once per group, kept up to date as undated mentions join).
  const currentCount = new Map<number, Map<string, number>>();
  const currentIn = (gi: number): Map<string, number> => {
    let counts = currentCount.get(gi);
    if (!counts) {
      currentCount.set(gi, (counts = new Map()));
      for (const x of groups[gi]!) {
        const published = articles.get(x.source)?.meta.published ?? null;
        if (!(isBackground(x, published) && x.sentence >= RECALLED_FROM_SENTENCE)) counts.set(x.source, (counts.get(x.source) ?? 0) + 1);
      }
    }
    return counts;
  };
  // Per group: its mention of the smallest id (the anchor of a merge reason), found once and kept up to date
  // as undated mentions join (sorting a big group for every mention joining it was quadratic).
  const anchors = new Map<number, EventMention>();
  const anchorOf = (gi: number): EventMention => {
    let anchor = anchors.get(gi);
    if (!anchor) {
      anchor = groups[gi]![0]!;
      for (const x of groups[gi]!) if (byId(x, anchor) < 0) anchor = x;
      anchors.set(gi, anchor);
    }
    return anchor;
  };
  const leftovers = new Map<string, EventMention[]>();
  for (const m of undated) {
    const people = m.participants.map(fold);
    let target: number | null = null;
    let rule: MergeReason | null = null;

    const published = articles.get(m.source)?.meta.published ?? null;
    const gi = dominant.get(m.source);
    if (gi !== undefined) {
      const p = profiles[gi]!;
      // A planned mention ("a call will take place") is about an event after publication, never an earlier one.
      const tooEarly = m.modality === 'planned' && published && p.days.length > 0 && p.days.every((day) => day < shiftDay(published, -1));
      // An event the article only recalls ("the February quake", dated well before publication) is
      // background, whatever it weighs: its undated mentions are today's news, not that event.
      const recalled = (currentIn(gi).get(m.source) ?? 0) === 0;
      if (p.families.has(typeFamily(m.type)) && people.every((x) => p.people.has(x)) && !tooEarly && !recalled && !staleHeadline(m, p, published, () => mentionsOf(m.source))) {
        target = gi;
        rule = { label: 'no date; the dominant event of its article', weight: 4 };
      }
    }

    if (target === null && people.length >= 2 && published) {
      const candidates = ruleB.near(m.type, people[0]!, published).filter((gi) => {
        const p = profiles[gi]!;
        return people.every((x) => p.people.has(x)) && p.days.some((day) => withinDays(day, published, UNDATED_WINDOW_DAYS));
      });
      if (candidates.length === 1) {
        target = candidates[0]!;
        rule = {
          label: `no date; the only ${m.type} with these participants within ±${UNDATED_WINDOW_DAYS} days of publication`,
          weight: 4,
        };
      }
    }

    if (target !== null && rule) {
      const anchor = anchorOf(target);
      const compared = compareMentions(anchor, m);
      const all = [...compared.reasons, rule];
      reasons[target]!.push(reasonEntry(anchor, m, sum(all), all));
      groups[target]!.push(m);
      if (byId(m, anchor) < 0) anchors.set(target, m);
      groupOfMention.set(m.id, target);
      const counts = currentCount.get(target); // an undated mention is never background
      if (counts) counts.set(m.source, (counts.get(m.source) ?? 0) + 1);
      continue;
    }
    push(leftovers, `${m.source}\u0000${m.type}\u0000${participantsKey(m.participants)}`, m);
  }

  for (const key of [...leftovers.keys()].sort()) {
    const members = leftovers.get(key)!;
    const gi = groups.length;
    const entries: Reasons = [];
    for (const m of members.slice(1)) {
      const compared = compareMentions(members[0]!, m);
      const all = [...compared.reasons, { label: 'no date on either side', weight: 0 }];
      entries.push(reasonEntry(members[0]!, m, sum(all), all));
    }
    groups.push([...members]);
    reasons.push(entries);
    members.forEach((m) => groupOfMention.set(m.id, gi));
  }
}

interface GroupProfile {
  types: Set<string>;
  families: Set<string>;
  people: Set<string>;
  /** Day-level dates of the group's mentions. */
  days: string[];
}

function profileOf(group: readonly EventMention[]): GroupProfile {
  const days = new Set<string>();
  for (const m of group) {
    const d = dateOf(m.time);
    if (d && dateLevel(d) === 3) days.add(d);
  }
  return {
    types: new Set(group.map((m) => m.type)),
    families: new Set(group.map((m) => typeFamily(m.type))),
    people: new Set(group.flatMap((m) => m.participants.map(fold))),
    days: [...days].sort(),
  };
}

/**
 * Rule B's candidates: the groups of a type naming a person with a day near a publication
 * date, indexed by type, person and day (the day number `dayDistance` reads, floored). A
 * list per type and person alone was scanned whole for every undated mention naming two
 * people: on a big dump of real news, thousands of groups of one kind name the same leader,
 * and that scan grew with the square of the dump. `near` returns a superset of the groups
 * with a day within UNDATED_WINDOW_DAYS (each once, in index order); the caller applies
 * the rule itself, so the candidates found are the same.
 */
class RuleBIndex {
  private readonly byKey = new Map<string, Map<number, number[]>>();

  constructor(profiles: readonly GroupProfile[]) {
    profiles.forEach((p, gi) => {
      const days = p.days.map(dayNumber).filter((d) => Number.isFinite(d)).map(Math.floor);
      for (const type of p.types) {
        for (const person of p.people) {
          const key = `${type}|${person}`;
          let byDay = this.byKey.get(key);
          if (!byDay) this.byKey.set(key, (byDay = new Map()));
          for (const day of days) {
            let list = byDay.get(day);
            if (!list) byDay.set(day, (list = []));
            if (list[list.length - 1] !== gi) list.push(gi);
          }
        }
      }
    });
  }

  near(type: string, person: string, published: string): number[] {
    const byDay = this.byKey.get(`${type}|${person}`);
    const around = published.slice(0, 10);
    if (!byDay || dateLevel(around) !== 3) return [];
    const center = dayNumber(around);
    if (!Number.isFinite(center)) return [];
    const found = new Set<number>();
    // A day within the window of a (possibly fractional) center lies within one more whole day of its floor.
    const from = Math.floor(center) - UNDATED_WINDOW_DAYS - 1;
    for (let day = from; day <= Math.floor(center) + UNDATED_WINDOW_DAYS + 1; day++) for (const gi of byDay.get(day) ?? []) found.add(gi);
    return [...found].sort((x, y) => x - y);
  }
}

/** Sentence from which an event dated well before publication, named only there, is something the article recalls. */
const RECALLED_FROM_SENTENCE = 5;

/** Days before publication after which a dated event is no longer what a headline reports. */
export const STALE_HEADLINE_DAYS = 7;

/**
 * A headline is today's news: an undated, actual lead mention ("CHARGERS' WILLIAMS
 * ARRESTED") is not the article's earlier dated event ("Vincent Jackson was arrested
 * Jan. 6", recalled in the body) when that event is more than STALE_HEADLINE_DAYS
 * before publication and the article tells of another event of the same kind with
 * someone else ("Jamal Williams was arrested"): the headline is about that one. ECB+ dev
 * 89.8 → 90.8 (odd half only; even and GVC val unchanged), train recall +0.6.
 */
function staleHeadline(m: EventMention, group: GroupProfile, published: string | null, articleMentions: () => readonly EventMention[]): boolean {
  if (m.modality !== 'actual' || !isLead(m) || !published || group.days.length === 0) return false;
  if (!group.days.every((day) => day < shiftDay(published, -STALE_HEADLINE_DAYS))) return false;
  const family = typeFamily(m.type);
  return articleMentions().some((o) => o.id !== m.id && typeFamily(o.type) === family && o.participants.some((x) => !group.people.has(fold(x))));
}

// ─── Small helpers ──────────────────────────────────────────────────────────

/** Article id → publication date, for telling an article's news from its background (primary.ts). */
function publishedDates(articles: readonly Article[]): Map<string, string | null> {
  return new Map(articles.map((a) => [a.id, a.meta.published]));
}

function reasonEntry(a: EventMention, b: EventMention, score: number, reasons: MergeReason[]): Reasons[number] {
  const [x, y] = a.id <= b.id ? [a, b] : [b, a];
  return { a: x.id, b: y.id, score: Math.round(score * 100) / 100, reasons: sharedReasonList(reasons) };
}

/**
 * One frozen object per distinct label and weight, shared by every merge reason that
 * gives it: a dump repeats a few thousand labels ("same type disaster", "same date
 * 2015-01-01") over millions of reasons, and reasons are a fifth of the live heap at the
 * end of a large run. Cleared past SHARED_REASONS_LIMIT, so the table stays small. Each
 * gets a number of its own (never reused), naming it in the keys of sharedReasonList.
 */
const sharedReasons = new Map<string, { reason: MergeReason; id: number }>();
const SHARED_REASONS_LIMIT = 100_000;
let nextReasonId = 0;
function sharedReason(reason: MergeReason): { reason: MergeReason; id: number } {
  const key = `${reason.weight}\u0000${reason.label}`;
  let shared = sharedReasons.get(key);
  if (!shared) {
    if (sharedReasons.size >= SHARED_REASONS_LIMIT) sharedReasons.clear();
    sharedReasons.set(key, (shared = { reason: Object.freeze({ label: reason.label, weight: reason.weight }), id: nextReasonId++ }));
  }
  return shared;
}

/**
 * One frozen list per distinct sequence of shared reasons: the links of an event mostly
 * give the same few ("same type attack", "same date …", "same place …"). At 100k synthetic
 * articles 240k merge reasons hold 37k distinct lists (−9.5 MB of live heap from merging
 * on). Keyed by the reasons' numbers; cleared past SHARED_REASONS_LIMIT like the reasons.
 */
const sharedLists = new Map<string, MergeReason[]>();
function sharedReasonList(reasons: readonly MergeReason[]): MergeReason[] {
  const list: MergeReason[] = [];
  let key = '';
  for (const reason of reasons) {
    const shared = sharedReason(reason);
    list.push(shared.reason);
    key += `${shared.id},`;
  }
  const known = sharedLists.get(key);
  if (known) return known;
  if (sharedLists.size >= SHARED_REASONS_LIMIT) sharedLists.clear();
  const frozen = Object.freeze(list.slice()) as MergeReason[];
  sharedLists.set(key, frozen);
  return frozen;
}

/** Empties both tables once a run's merge reasons are made (their keys: 4.7 MB at 100k synthetic articles). */
function clearSharedReasons(): void {
  sharedReasons.clear();
  sharedLists.clear();
}

function sortReasons(reasons: Reasons): Reasons {
  return [...reasons].sort((p, q) => p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}

/** YYYY-MM-DD shifted by whole days. */
function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date.slice(0, 10)}T00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function sum(reasons: readonly MergeReason[]): number {
  return reasons.reduce((s, r) => s + r.weight, 0);
}

function byId(a: EventMention, b: EventMention): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function uniqueById(mentions: readonly EventMention[]): EventMention[] {
  const seen = new Map<string, EventMention>();
  for (const m of mentions) if (!seen.has(m.id)) seen.set(m.id, m);
  return [...seen.values()].sort(byId);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(value);
}
