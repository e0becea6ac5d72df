/**
 * Story linking: articles that tell the same story report the same primary event,
 * even when neither dates it ("Police arrest suspect in fatal hit and run" and
 * "Arrest made in hit and run"). Mention-level matching cannot see this: an undated
 * mention with nobody named carries no evidence of its own. The article around it
 * does: its headline and lead, the people and places its events name, when it was
 * published.
 *
 * Each article's primary group (its dominant event so far) is compared with other
 * articles' primary groups, Splink-style, every level a labelled weight:
 *
 *   lead similarity  TF-IDF cosine of the two headlines + leads (idf over the dump):
 *                    ≥ 0.30 +5 · ≥ 0.20 +4 · ≥ 0.15 +3 · ≥ 0.10 +1 · < 0.05 −2
 *   type             same family +1 · different families 0 (one story is told as an
 *                    attack, an arrest, a death)
 *   event dates      same day +2 · contradicting dates (different days or years): never linked
 *
 * An undated story joins a dated one only on strong evidence, checked when the groups
 * are joined (so a chain of undated reports cannot carry a weak link across): lead
 * similarity ≥ STRONG_SIMILARITY and a shared participant, the same place or a rare name
 * shared by both leads (two calls or two meetings, which the same parties repeat: two
 * shared participants), or lead similarity ≥ RARE_PARTICIPANT_SIMILARITY and a shared
 * participant few articles name (not for calls and meetings), or lead similarity ≥
 * CLOSE_LEADS_SIMILARITY alone (not for calls and meetings); its first report (the earliest published, when any date is
 * known) out from the event's day to UNDATED_STORY_DAYS later — later ones may be
 * follow-ups (charges, a nomination reported a week on); a story dated only by a month or
 * a year (a recalled "2011" shooting, a planned "2014" ceremony) is matched by publication:
 * the first report out in that month or year or within UNDATED_STORY_DAYS of the dated
 * story's first report — and no other dated story with a contradicting date that fits as
 * well (two calls in its window: neither; for a report naming nobody, only stories its lead
 * is strongly linked to count, not every event of its kind in the window). A copy of one
 * report's text (lead similarity ≥ DUPLICATE_LEAD_SIMILARITY: a wire story run again days
 * or weeks later) needs none of this.
 *   participants     a shared participant +2 (+0.5 when most articles name it: the
 *                    topic, not evidence) · both named, none shared: never linked, unless
 *                    one side's headline or first sentence names someone of the other's
 *                    cast (a fight whose only participant found is the trainer)
 *   place            same +1 · different −3
 *   publication      within 3 days +1 · more than 60 days apart −3 · more than a year −6
 *   shared names     each rare capitalised name of both leads +0.5 (at most +1.5)
 *
 * A pair is linked at score ≥ STORY_THRESHOLD; groups are joined strongest link first,
 * never when their dates contradict (the same guard as mention clustering), and two
 * stories of several articles only when their leads agree on average (mean pairwise
 * cosine ≥ MIN_MEAN_SIMILARITY), so one weak pair cannot chain two stories.
 * Thresholds were tuned on ECB+ dev and GVC val only.
 * Blocking keeps the work linear: articles are compared only when their leads share
 * one of their most distinctive words, and words shared by too many articles are not
 * blocks at all.
 *
 * Nearest story: a story of at most NEAREST_STORY_MAX_REPORTS articles left over after
 * that (a lone undated report whose pairwise lead similarities are too low for the strong
 * rule, "Deep Throat is dead" beside a dozen obituaries) joins the story of at least twice
 * as many articles its summed leads are closest to (cosine of the summed lead vectors
 * ≥ NEAREST_STORY_SIMILARITY, NEAREST_STORY_MARGIN times the next story's), when they share a
 * participant, place or rare lead name (two calls or two meetings: two shared participants,
 * as for pairwise links), no date or cast contradicts (the small story's whole leads
 * are read for the other cast's names, not only its headlines), its reports are not
 * ambiguous, and, one side dated and the other not, the undated side's first report fits
 * the dated side's dates as for pairwise links (both undated: published within
 * UNDATED_STORY_DAYS of each other). Candidates come from the blocks. Round 4 (train used
 * for tuning): ECB+ train 78.6 → 82.9 (P 94.3 → 93.6, R 67.3 → 74.4), dev 90.8 → 93.5
 * (P 100), GVC val 93.6 unchanged (without the date fit for a dated small story joining an
 * undated one: 83.4 / 94.4, but a chain the pairwise rule forbids); measured before that fit:
 * only undated single reports 80.1 / 91.1 (similarity 0.2; 0.1: 82.3 / 92.2), up to two
 * reports 82.9 / 94.4, three 83.4 / 94.4, four: dev precision 100 → 97 (two stories of
 * several articles merged), margin 1.5: 82.5 / 93.1, no margin: 82.7 / 92.7.
 *
 * Round 5 (train used for tuning; with ingest's date stamps, 82.9 → 85.5, and primary.ts's
 * tie-break, 85.9): a cast veto lifted when a headline or first sentence names the other
 * cast, pairwise and for the nearest story, ECB+ train 85.9 → 87.4, dev 93.5 → 94.4 (lifting
 * it instead from lead similarity 0.25: 87.0 / 93.6, from 0.2: dev precision 100 → 94.7,
 * two Chargers' DUI arrests merged); close leads (≥ 0.35; 0.3 the same, 0.4: 87.6) as strong
 * evidence 87.4 → 87.7 (87.1 once ingest dates an article by its opening sentence when
 * it has no stamp); GVC val 93.6 throughout. Tried: UNDATED_STORY_DAYS 5–7 (train 88.0,
 * dev up to 96.4 at 7, but GVC val 93.6 → 92.1). The two-participant rule for calls and
 * meetings in the nearest-story pass (an undated call report naming one leader joined a
 * different call between the same two): ECB+ train 87.1, dev 94.4, GVC val 93.6 unchanged.
 * Cost: a big story's cast, rare lead names, lead norm and first report are cached per
 * story and merged when a small story joins it, so k small stories joining one story of
 * n articles cost k small merges, not k × n; matching a small cast against a big one
 * (commonPeople) looks names up instead of scanning the big cast per name; a candidate
 * pair's labels are built only when it scores STORY_THRESHOLD (most score below).
 *
 * Memory: the step holds numbers, not text. Each lead is read once (leads.ts) into term ids
 * and counts of one vocabulary and the sorted ids of its names; its TF-IDF vector is packed
 * in typed arrays (lead-vectors.ts: 16 bytes a term, where a Map held its own copy of each
 * word and a boxed weight), with the same weights and cosines summed in the same order; the
 * summed leads of the groups several articles report are packed too, and a story gets a
 * growing sum of its own only when it is joined; a view keeps only the word pairs of its
 * head that are some cast's name key (most have none), not all of them; a story of one group
 * reads that group's profile sets until a merge copies them. Live heap after a forced GC at
 * 20k synthetic articles (124 MB before the step): at the step's fullest 263 → 141 MB (+16 MB
 * in typed arrays), right after it 189 → 127 MB; at 100k (466 MB before): right after it
 * 784 → 474 MB, at its fullest 520 MB + 87 MB in typed arrays, below merging's 523 MB. Most
 * of the old "right after" was adoptStories' vectors, kept for a few collections by V8's
 * optimized code of its loops, specialised to its closures' context; it now has no closures
 * over them. Story step CPU at 20k: −23% (one process, runs alternated).
 *
 * Close stories: last, two stories of any size join when their summed leads are close
 * (cosine ≥ SAME_STORY_SIMILARITY), their first reports came out within UNDATED_STORY_DAYS
 * of each other (both known), they share a participant, place or rare lead name, no date or
 * cast contradicts, neither has an ambiguous report, the undated side fits the dated side's
 * dates as above, and they are not two calls or two meetings. Each pair of their reports may
 * share too few words (a trial's opening and its verdict told by five and four reports);
 * their sums do not. Proposed by the candidate links left between them, closest first.
 *
 * Round 6 (train used for tuning; test only reported): ECB+ train 87.1 → 88.3 (P 93.4 →
 * 93.2, R 81.5 → 84.0), dev 94.4 → 97.3 (P 100), GVC val 93.6 → 94.5. Each change left out
 * in turn (train / dev / GVC val): close stories 87.9 / 95.3 / 94.5; month- and year-dated
 * stories matched by publication 88.0 / 96.4 / 94.5; the nearest story's cast veto reading
 * the whole lead 87.8 / 97.3 / 94.5 (it also joins one Palin report to another Palin
 * arson); copies 88.0 / 97.3 / 94.5; ambiguity only among strongly linked stories for a
 * report naming nobody 88.2 / 97.3 / 93.6 (such a GVC report fitted every shooting in its
 * window). On one dump of all ECB+ dev (or train) topics, where leads of one topic are
 * closer than within a topic's own dump: 81.9 → 81.3 (84.3 → 84.5), the month and year rule
 * joining a "2014" ceremony to its announcement, which then joins another year's host
 * announcement. Tried: UNDATED_STORY_DAYS 7 with these (train +0.2, dev +0.4, GVC unchanged;
 * not kept: tests pin a week as too late); close stories from similarity 0.15 (GVC val
 * 94.5 → 93.3), or without the date fit (train +0.3: obituaries five days after the death);
 * month- and year-dated stories treated as undated (train ±0, GVC val −1.4); nearest
 * stories of up to 5 reports (dev precision 100 → 96.3) or targets only as big (GVC val
 * precision 98.3 → 95.7); two undated stories' first reports required within the window
 * for a pairwise link (train −0.5, dev −0.8); a month- or year-dated story whose publication
 * is unknown fitting any undated story (train +0.5 through a recalled "1985", but −0.5 on
 * the dump of all train topics).
 *
 * Follow-ups: a small story that is the nearest story's in every other way (closest leads
 * by the margin, shared evidence, no date or cast contradiction, no ambiguous report) but
 * out of its time window — its reports came out months before or after, as a trial, a
 * sentence, a capture or a murder charge do — still joins it when it names a person of that
 * story's cast whom few articles name (among its own participants, or in its leads when it
 * has none): "Judge sentences Orozco to death" two years after "Gunman kills L.A. deputy",
 * "Accused Kraft killer held for trial" three months after the shooting; or, when it dates
 * no event of its own, when its leads are as close as CLOSE_LEADS_SIMILARITY (round 9). The window keeps
 * look-alike events apart when all that is shared is a place or a kind of event; a rare
 * person is evidence that needs no window. A follow-up that dates an event of its own which
 * contradicts the story's date (the sentencing on March 31, 2007) stays apart: joining it
 * would merge two dated events into one and report a false date conflict; so does a small
 * story of a call or a meeting (leaders named by few articles still call and meet again and
 * again: on the benchmark corpus, ECB+, GVC and the seeds as one dump, a January report of
 * a planned Trump–Putin meeting joined the March call without this; the bigger story's
 * kinds are not read, as a story of a dozen reports gathers a "talks" or two). Round 7 (train
 * used for tuning; test only reported): ECB+ train 88.3 → 89.5 (P 93.2, R 84.0 → 86.2), dev
 * 97.3 and GVC val 94.5 unchanged; one dump of all train (dev) topics 84.5 → 85.5 (77.4 →
 * 77.6); on that corpus dump 6 joins, no conflict added or lost. Tried: joining dated
 * follow-ups whose dates contradict too (train 90.4, but three false date conflicts on the
 * corpus dump); only follow-ups published after the story (train 89.1: a report misdated to
 * a recalled "1985" is left out); a person named by no other candidate story counted as
 * rare (train +0.2 for one report, not kept).
 *
 * Round 8 (train used for tuning; test only reported), three changes to the nearest-story
 * pass: ECB+ train 89.8 → 90.6 (P 93.1, R 86.8 → 88.2), dev 97.8 and GVC val 94.5 unchanged,
 * one dump of all train (dev) topics 85.5 (77.9) unchanged; on the benchmark corpus dump no
 * event, conflict or primary event changes (one join's label: an obituary five days after the
 * death now joins as the nearest story instead of a follow-up). Each alone (train):
 *   - reported alongside: an undated small story fits a day-dated one when its first report
 *     came out from a day before to UNDATED_STORY_DAYS after the dated story's own first
 *     report (and not before the event): obituaries published five days after a death, with
 *     the death's other reports (89.8 → 90.1). Only in this pass: in pairwise links and the
 *     close-stories pass it changed nothing on train, dev or GVC val;
 *   - a place in the leads: a small story that found no place of its own shares evidence when
 *     its leads name one of the story's places ("the supermarket in Wellington", in a dump of
 *     one town's fire where the name is in too many articles to be a rare name) (89.8 → 90.0);
 *   - a second nearest-story pass after the close-stories pass: an arrest's two reports, as
 *     close to a trial's opening as to its verdict (no margin), join once those two are one
 *     story (89.8 → 90.1).
 * What is left on train is mostly out of reach without merging differently dated events:
 * follow-ups whose own dates contradict the story's (a sentencing, a trial ordered, riots on
 * later nights), and pairs of look-alike subtopics whose ECB articles carry no date.
 *
 * Round 9 (train used for tuning; test only reported): follow-ups on close leads. A small
 * story that dates no event of its own joins its nearest story out of the window also when
 * their summed leads are CLOSE_LEADS_SIMILARITY apart or closer (the level at which leads
 * alone are strong evidence for a pairwise link). On train both joins are reports whose
 * publication date is wrong, not late: an obituary of 2004 under a URL dated 2012 ("Watergate
 * 'Bagman' Fred LaRue, 75, Dies", its own "Published: July 29, 2004" unread), a sequel's
 * casting news "Posted 1 year, 160 days ago", dated by its download; a retrospective or a
 * reprint published late is the same case. With no date of its own it cannot merge two dated events
 * or make a date conflict; a look-alike that dates its own event (a new fire a year on) is
 * kept apart by the date guard. ECB+ train 90.6 → 91.2 (P 93.1, R 88.2 → 89.4; odd topics
 * 89.0 → 89.6, even 92.2 → 92.9), dev 97.8 and GVC val 94.5 unchanged, one dump of all train
 * (dev) topics 85.5 (77.9) unchanged; on the benchmark corpus dump no event, conflict or
 * primary event changes. At 0.3: train 91.3, 0.25: 91.5, both through one topic's mixed
 * story (precision 93.1 → 92.6); at 0.2: 91.6, dev 98.2, GVC val 95.4, but the closest wrong
 * pair (a GVC report published weeks before another town's shooting) is at 0.196.
 * Tried, not kept: a lexical join pass after the close stories (stories of any size whose
 * summed leads are close, proposed by shared blocks rather than candidate links, both first
 * reports' publication known and within N days, shared evidence, no date, cast or
 * call/meeting contradiction): 4 days at 0.2 changed nothing; 7 days at 0.2: train 90.7, dev
 * 98.2, GVC val 94.5 (two reports six days on; a week is what tests pin as too late), with
 * the rule above train 91.3; 7 days at 0.15: train 91.1 but GVC val 93.3 (two towns'
 * accidental shootings two days apart); an unknown publication allowed (ECB's own articles
 * have none): train 88.3–89.1, dev 83.9–92.3 (a topic's two look-alike subtopics merged).
 * Offline bound on the stories of round 8: joining every pair of stories of one gold
 * subtopic whose dates do not contradict gives train 94.1 (92.8 with summed leads ≥ 0.15),
 * all pairs 95.0; but among pairs with no contradicting date, pairs of different subtopics
 * (an ECB story with no publication date beside the other subtopic's) reach 0.25–0.27 and
 * pairs of one 0.24: lexical closeness alone does not tell them apart.
 *
 * Follow-up stories (round 10): what the passes above must leave apart, because joining
 * would make one event of two differently dated ones and report a false date conflict, is
 * still often one story: a verdict and the sentencing, an escape and the capture. Last,
 * two stories whose dates contradict are linked as one *story* (not one event: `followUps`,
 * index.ts names each event's story) when the cosine of their summed leads is at least
 * FOLLOW_UP_SIMILARITY, they share a participant (a person or an organization) few articles
 * name, neither their casts nor their places differ (two cities: an arrest in Hamburg and
 * one in Lagos), neither is a call or a meeting, and their closest contradicting dates lie
 * within FOLLOW_UP_DAYS. Proposed by the block pairs, closest leads
 * first. Scored by B-cubed F1 of each article's story instead of its primary event (train
 * used for tuning; test only reported): ECB+ train 91.2 → 91.6 (P 93.1 → 92.9, R 89.4 → 90.4), dev 97.8 and GVC val
 * 94.5 unchanged (measured with the gap between the closest dates of any kind: window 366
 * days 91.3; 730, 1,096 or 2,000: 91.6; similarity 0.05 the same, 0.2: 91.4; the gap
 * between contradicting dates gives the same figures at 730). On the benchmark corpus as
 * one dump: 5 stories of two events (a deputy's murder and the killer's death sentence
 * 609 days on, an escape and the capture, an election and a UN consultation before it,
 * two pairs of shootings naming one person), every event, conflict and primary event
 * unchanged. The places rule changed none of these figures; on 20k synthetic articles it
 * keeps 5 of 9 stories apart (one person's arrests in two cities months apart, which the
 * generator makes at random).
 *
 * Round 11 (train used for tuning; test only reported): follow-up stories on close leads. Two
 * stories whose dates contradict are one story also without a rare person when their summed
 * leads are FOLLOW_UP_CLOSE_SIMILARITY apart or closer, they share evidence (a participant, the
 * place, a rare lead name), their closest contradicting dates lie within FOLLOW_UP_CLOSE_DAYS and
 * one is a small story (NEAREST_STORY_MAX_REPORTS) whose leads are closer to the other's than to
 * any other story of its block mates by NEAREST_STORY_MARGIN (the other checks as above): riots on a later night, a service restored weeks after the
 * outage, an election's announcement and the vote, a murder and the arrest. ECB+ train 91.8 →
 * 92.0 by story (P 92.9 → 92.8, R 90.7 → 91.3), GVC val 94.5 → 95.2 (R 91.0 → 92.3), dev 97.8
 * unchanged; one dump of all train (dev) topics 85.8 → 86.2 (77.9); on the benchmark corpus dump
 * 5 → 11 stories of several events, every event, conflict and primary event unchanged. At 0.25:
 * train 92.4, GVC val 95.2, but on the corpus dump a chain of four GVC events over six weeks
 * through links at 0.27–0.28; 0.35: GVC val 94.5; 30 days at 0.25: train 92.2; 730 days at 0.15:
 * GVC val precision 98.3 → 88.8 (look-alike shootings in one city). Without the small, clearly
 * nearest story (same ECB+ and GVC figures): 20k synthetic articles 5 → 180 stories of several
 * events, chains of templated disasters across cities ("An earthquake of magnitude 5.1 struck
 * near …"); with it 5 → 8.
 *
 * An article with no event mention at all reports the one story whose leads are close
 * to its own (adoptStories): its primary event is that story's.
 *
 * Measured (ECB+ dev / GVC val, B-cubed F1 of primaryEvent, `npx tsx scripts/eval.ts`):
 * the window of 4 days (was 3) 80.5 → 80.9 / 92.9 → 93.6; the first report instead of
 * every report in the window 85.5 → 86.2 / 93.6; the two-participant rule only between
 * two calls or two meetings 86.3 → 86.5; adoption 87.2 → 87.8 / 93.6. Round 2 (dev
 * halves: odd / even topic numbers; ECB+ train, never tuned on, as a transfer check):
 * a shared rare participant with lead similarity ≥ 0.1 as strong evidence (same result
 * over 0.05–0.10) 87.8 → 89.1 (odd 89.5 → 90.4, even 86.4 → 88.0) / 93.6, train
 * precision up (94.8 → 95.4); STORY_THRESHOLD 3 → 2.5 (dev precision holds down to 1.5,
 * breaks at 1) 89.1 → 89.8 (even +1.2) / 93.6, train recall +1.2. With index.ts's stale
 * headlines: dev 87.8 → 90.8, train 70.2 → 71.3. Tried, no gain in round 2: undated
 * stories joining year- or month-dated ones freely (dev +1.1 on one half, train precision
 * 95 → 93.6); a 30-day window for follow-ups naming a rare participant (dev +0.5 on one
 * half, train ±0); the max of the lead cosine and a 250–600-character lead cosine (dev
 * −1.5 to +1.8, unstable); an undated story whose links all lead to one dated story
 * joining it without strong evidence (dev precision 100 → 88–95).
 * Round 3 (train used for tuning): tried a penalty when each lead names two or more rare
 * names the other article never mentions (two title fights of one boxer): train precision
 * 92.3 → 97.1 but recall −8 (F1 77.2 → 72.8; at four names 75.6), not kept.
 * Tried, no gain in round 1:
 * a lower STRONG_SIMILARITY (0.10–0.15: merges across ECB+ subtopics, dev 79.9–80.9,
 * val 92.4), longer or shorter leads (800: 84.9; 2,000–whole text: 86.4–87.4, noisy),
 * no cast veto for near-identical leads (+0.1; two hosts of one ceremony are two events).
 */
import type { Article, EventMention, MergeReason } from '../types.ts';
import { cosineOf, IntList, PackedVectors, squaredNorm, SummedVector, type TermWeights } from './lead-vectors.ts';
import { leadText, LeadTexts } from './leads.ts';
import { dateOf, datesContradict, fold, placeRelation, typeFamily } from './values.ts';

export const STORY_THRESHOLD = 2.5;
/** Lead similarity from which an undated story may join a dated one (with a shared participant or place). */
export const STRONG_SIMILARITY = 0.2;
/** Lead similarity enough for that when both name the same rare participant (few articles name them). */
export const RARE_PARTICIPANT_SIMILARITY = 0.1;
/** Lead similarity enough on its own (no shared name needed): no two ECB+ train/dev subtopics' leads are this close. */
export const CLOSE_LEADS_SIMILARITY = 0.35;
/** Kinds of event the same parties repeat (calls, meetings): a shared name or two is no evidence of the same one. */
const RECURRING_FAMILIES: ReadonlySet<string> = new Set(['call', 'meeting']);
/** Days after a dated event in which an undated report of it may be published. */
export const UNDATED_STORY_DAYS = 4;
/** Mean pairwise lead similarity below which two multi-article stories stay apart. */
export const MIN_MEAN_SIMILARITY = 0.08;
/** Lead similarity (cosine of the summed leads) from which a small story may join its nearest bigger one. */
export const NEAREST_STORY_SIMILARITY = 0.1;
/** How much closer the nearest story must be than the next one. */
export const NEAREST_STORY_MARGIN = 1.2;
/** Stories of at most this many articles look for a nearest story (of at least twice as many). */
export const NEAREST_STORY_MAX_REPORTS = 3;
/** Lead similarity from which two reports are copies of one text (a wire story run again): no window applies. */
export const DUPLICATE_LEAD_SIMILARITY = 0.75;
/** Summed-lead similarity from which two stories whose coverage began within UNDATED_STORY_DAYS are one (see joinCloseStories). */
export const SAME_STORY_SIMILARITY = 0.2;
/** Characters of the body searched for its first sentence. */
const HEAD_CHARS = 400;
export { LEAD_CHARS, leadText, LeadTexts } from './leads.ts';
/** Distinctive words per article used as blocking keys. */
const BLOCK_TERMS = 12;
/** A word in more articles than this is no blocking key (and no evidence). */
const MAX_BLOCK = 60;

/** Days within which a follow-up story's dates lie from its story's (a sentencing two years on). */
export const FOLLOW_UP_DAYS = 730;
/** Lead similarity (summed leads) a follow-up story needs to its story. */
export const FOLLOW_UP_SIMILARITY = 0.1;
/** Summed-lead similarity from which a follow-up story needs no rare person (riots on later nights, a service restored weeks after the outage). */
export const FOLLOW_UP_CLOSE_SIMILARITY = 0.3;
/** Days within which such a follow-up's dates lie from its story's. */
export const FOLLOW_UP_CLOSE_DAYS = 120;

/**
 * What linkStories finds: `links` join groups into one event; `followUps` make two events one
 * story without joining them (their dates contradict: a verdict and the sentencing).
 */
export interface StoryLinks {
  links: StoryLink[];
  followUps: StoryLink[];
}

export interface StoryLink {
  /** Group indexes joined (a < b before joining). */
  a: number;
  b: number;
  /** The two mentions named in the merge reason. */
  mentionA: EventMention;
  mentionB: EventMention;
  score: number;
  reasons: MergeReason[];
}

interface ArticleView {
  article: Article;
  /**
   * The people named up front: word pairs of the folded headline and first sentence ("tony thompson")
   * that are a name key of some cast compared (most heads have none; see headKeysOf).
   */
  headKeys: readonly string[];
  group: number;
  /** The group's lead mention in this article (the earliest). */
  anchor: EventMention;
  /** The article's slot in LeadTexts (its lead's names). */
  slot: number;
}

/** The headline and the body's first sentence (at most HEAD_CHARS of it). */
function headText(article: Article): string {
  const body = article.text.slice(article.body.start, Math.min(article.body.end, article.body.start + HEAD_CHARS));
  const end = body.search(/[.!?](?:\s|$)/);
  const first = end === -1 ? body : body.slice(0, end);
  const title = article.meta.title ?? '';
  return title && !first.startsWith(title) ? `${title}\n${first}` : first;
}

function wordPairs(folded: string): string[] {
  const words = folded.split(' ');
  const out: string[] = [];
  for (let k = 1; k < words.length; k++) out.push(`${words[k - 1]} ${words[k]}`);
  return out;
}

/** Runs of one to `n` consecutive words of a folded text ("banstead", "banstead high street"). */
function wordGrams(folded: string, n: number): string[] {
  const words = folded.split(' ');
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) for (let len = 1; len <= n && k + len <= words.length; len++) out.push(words.slice(k, k + len).join(' '));
  return out;
}

/** Someone of the cast is named in the view's headline or first sentence (by the last two words of their name). */
function namedUpFront(cast: Cast, view: ArticleView): boolean {
  return view.headKeys.some((pair) => cast.nameKeys.has(pair));
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * The word pairs of the article's folded headline and first sentence that are among
 * `castKeys` (every name key of the casts it may be compared with): namedUpFront reads
 * only those, so the view keeps them instead of every pair or the text.
 */
function headKeysOf(article: Article, castKeys: ReadonlySet<string>): readonly string[] {
  const keys = wordPairs(fold(headText(article))).filter((pair) => castKeys.has(pair));
  return keys.length > 0 ? keys : NO_KEYS;
}

/** The names of both slots' leads (sorted id ranges of `ids`) that pass `keep`, as sorted strings. */
function sharedNames(texts: LeadTexts, a: number, b: number, keep: (name: number) => boolean): string[] {
  const ids = texts.nameIds;
  const out: string[] = [];
  let [x, y] = [texts.nameFrom(a), texts.nameFrom(b)];
  const [xEnd, yEnd] = [texts.nameTo(a), texts.nameTo(b)];
  while (x < xEnd && y < yEnd) {
    const [p, q] = [ids[x]!, ids[y]!];
    if (p < q) x++;
    else if (p > q) y++;
    else {
      if (keep(p)) out.push(texts.names.words[p]!);
      x++;
      y++;
    }
  }
  return out.sort();
}

/**
 * Links between groups, strongest first, already filtered by the date guard. `primary`
 * maps each article id to its dominant group index.
 */
export function linkStories(
  articles: readonly Article[],
  groups: readonly (readonly EventMention[])[],
  primary: ReadonlyMap<string, number>,
  texts: LeadTexts = new LeadTexts(),
): StoryLinks {
  // Each article's own mentions in its primary group, gathered in one pass over those groups
  // (filtering a group per article is quadratic when one event has thousands of reports).
  const ownMentions = new Map<string, EventMention[]>();
  // Every name key a cast can hold (see nameKeysOf): the casts compared below are of these groups.
  const castKeys = new Set<string>();
  for (const gi of new Set(primary.values())) {
    for (const m of groups[gi]!) {
      for (const p of m.participants) {
        const name = fold(p);
        if (name.includes(' ')) castKeys.add(lastTwoWords(name));
      }
      if (primary.get(m.source) !== gi) continue;
      const list = ownMentions.get(m.source);
      if (list) list.push(m);
      else ownMentions.set(m.source, [m]);
    }
  }
  const views: ArticleView[] = [];
  const slots: number[] = [];
  // Participants: one named in most articles' primary events is the topic, not evidence (rarePerson below).
  const personDf = new Map<string, number>();
  for (const article of [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const gi = primary.get(article.id);
    if (gi === undefined) continue;
    const own = (ownMentions.get(article.id) ?? []).sort((x, y) => x.start - y.start || (x.id < y.id ? -1 : 1));
    if (own.length === 0) continue;
    const slot = texts.slot(article);
    slots.push(slot);
    views.push({ article, group: gi, anchor: own[0]!, slot, headKeys: headKeysOf(article, castKeys) });
    for (const p of new Set(own.flatMap((m) => m.participants.map(fold)))) personDf.set(p, (personDf.get(p) ?? 0) + 1);
  }
  ownMentions.clear();
  castKeys.clear();
  if (views.length < 2) return { links: [], followUps: [] };
  const { vectors, df } = PackedVectors.tfidf(texts.termCountsOf(slots), texts.terms.size);

  // Names shared by few articles are evidence; names in most of them are the topic itself.
  const nameDf = new Int32Array(texts.names.size);
  for (const v of views) for (let k = texts.nameFrom(v.slot); k < texts.nameTo(v.slot); k++) nameDf[texts.nameIds[k]!]!++;
  const rareName = (n: number): boolean => isRare(nameDf[n]!, views.length);

  // Likewise participants (personDf).
  const rarePerson = (p: string): boolean => isRare(personDf.get(p) ?? 0, views.length);

  // Blocking on each article's most distinctive words.
  // A word of one article only links nothing: keys are the article's heaviest words shared with another.
  const words = texts.terms.words;
  const blocks = new Map<number, number[]>();
  // Each view's block keys (at most BLOCK_TERMS): view i's are blockTerms [blockStart[i], blockStart[i + 1]).
  // The nearest-story pass reads a small story's block mates from them.
  const blockTerms = new IntList();
  const blockStart = new Int32Array(views.length + 1);
  const top: number[] = [];
  for (let i = 0; i < views.length; i++) {
    // Its terms (positions) by weight, heaviest first, ties by word.
    top.length = 0;
    for (let k = 0; k < vectors.sizeOf(i); k++) if (df[vectors.idAt(i, k)]! >= 2 && df[vectors.idAt(i, k)]! <= MAX_BLOCK) top.push(k);
    top.sort((x, y) => vectors.weightAt(i, y) - vectors.weightAt(i, x) || (words[vectors.idAt(i, x)]! < words[vectors.idAt(i, y)]! ? -1 : 1));
    for (const k of top.slice(0, BLOCK_TERMS)) {
      const term = vectors.idAt(i, k);
      let block = blocks.get(term);
      if (!block) blocks.set(term, (block = []));
      block.push(i);
      blockTerms.push(term);
    }
    blockStart[i + 1] = blockTerms.length;
  }
  const pairs = new Set<number>();
  for (const members of blocks.values()) {
    if (members.length > MAX_BLOCK) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = Math.min(members[x]!, members[y]!);
        const j = Math.max(members[x]!, members[y]!);
        pairs.add(i * views.length + j);
      }
    }
  }

  const profiles = new Map<number, GroupProfile>();
  // Profiles share one set per sequence of kinds of event (a few in a dump), as they only read them.
  const familySets = new Map<string, ReadonlySet<string>>();
  const profile = (gi: number): GroupProfile => {
    let p = profiles.get(gi);
    if (!p) {
      profiles.set(gi, (p = profileOf(groups[gi]!)));
      const key = [...p.families].join('\u0000');
      const shared = familySets.get(key);
      if (shared) p.families = shared;
      else familySets.set(key, p.families);
    }
    return p;
  };

  const candidates: Candidate[] = [];
  for (const key of Float64Array.from(pairs).sort()) {
    const i = Math.floor(key / views.length);
    const j = key % views.length;
    const a = views[i]!;
    const b = views[j]!;
    if (a.group === b.group) continue;
    const pa = profile(a.group);
    const pb = profile(b.group);
    if (!storiesMayJoin(pa, pb, a, b)) continue;
    const similarity = vectors.cosine(i, j);
    const shared = sharedNames(texts, a.slot, b.slot, rareName);
    const pair: StoryPair = { a, b, pa, pb, similarity, sharedNames: shared, rarePerson };
    const score = storyScore(pair);
    if (score < STORY_THRESHOLD) continue;
    const reasons = compareStories(pair);
    const recurring = recurringKinds(pa, pb);
    const evidence = sharedEvidence(pa, pb, shared.length > 0);
    // A person few articles name, named by both, is the strongest sign of one story: some lead overlap is enough.
    const rareCommon = !recurring && similarity >= RARE_PARTICIPANT_SIMILARITY && commonPeople(pa.people, pb.people, pb.nameKeys).some(rarePerson);
    candidates.push({ i, j, score, reasons, similarity, strong: (similarity >= STRONG_SIMILARITY && evidence) || rareCommon || (!recurring && similarity >= CLOSE_LEADS_SIMILARITY) });
  }
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);

  // An undated report that fits two dated stories whose dates contradict (two calls in its
  // window, of its kind, with its people or place) could be about either: it joins neither.
  const ambiguous = ambiguousReports(views, profile, strongLinks(candidates, views));

  // Union-find over groups with the date guard.
  const parent = new Map<number, number>();
  const find = (g: number): number => {
    let r = g;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    // Path compression: the roots stay the same, the chains short.
    for (let x = g; x !== r; ) {
      const up = parent.get(x)!;
      parent.set(x, r);
      x = up;
    }
    return r;
  };
  const dates = new Map<number, DatedSet>();
  const datesOf = (g: number): DatedSet => dates.get(g) ?? profile(g);
  // Average link on top of single link: a story of several articles joins another only when
  // their leads agree on average (the mean pairwise cosine is the dot product of the summed
  // vectors over the pair count), so one weak pair cannot chain two stories together.
  // norm2: the squared norm of the vector, computed when first needed, then kept up to date by join.
  // A root of one report reads that report's vector until it joins another (then its sum is a copy).
  const sums = new Map<number, { vector: TermWeights; n: number; norm2?: number }>();
  // The views (articles) in each root, for the undated-report checks on merged groups.
  const members = new Map<number, number[]>();
  views.forEach((v, i) => {
    const list = members.get(v.group);
    if (list) list.push(i);
    else members.set(v.group, [i]);
  });
  // The groups several articles report: their sums, packed (a story gets a SummedVector of its own only when joined).
  const several = [...members].filter(([, list]) => list.length > 1);
  const groupSums = PackedVectors.sums(vectors, several.map(([, list]) => list), texts.terms.size);
  several.forEach(([g, list], s) => sums.set(g, { vector: groupSums.vector(s), n: list.length }));
  for (const [g, list] of members) if (list.length === 1) sums.set(g, { vector: vectors.vector(list[0]!), n: 1 });
  // Each root's first report (the earliest published; null when none is dated), for storyFitsDates.
  const earliest = new Map<number, Article | null>();
  for (const [g, list] of members) earliest.set(g, earliestPublished(list.map((vi) => views[vi]!.article)));
  // Roots with an ambiguous report (see ambiguousReports).
  const ambiguousRoots = new Set<number>();
  for (const [g, list] of members) if (list.some((vi) => ambiguous.has(vi))) ambiguousRoots.add(g);
  // Each join is a new generation; a root's is the last that changed it (nearestStories skips
  // a small story when neither it nor any candidate of it changed since it was last weighed).
  let generation = 0;
  const changedAt = new Map<number, number>();
  const join = (ra: number, rb: number): void => {
    const [sa, sb] = [sums.get(ra)!, sums.get(rb)!];
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    changedAt.set(root, ++generation);
    changedAt.delete(child);
    const [big, small] = sa.vector.size >= sb.vector.size ? [sa, sb] : [sb, sa];
    let norm2 = big.norm2 !== undefined && small.norm2 !== undefined ? big.norm2 : undefined;
    const sum = big.vector instanceof SummedVector ? big.vector : SummedVector.of(big.vector);
    for (let k = 0; k < small.vector.size; k++) {
      const w = small.vector.weightAt(k);
      const before = sum.add(small.vector.idAt(k), w);
      if (norm2 !== undefined) norm2 += (before + w) * (before + w) - before * before;
    }
    sums.set(root, { vector: sum, n: sa.n + sb.n, norm2 });
    sums.delete(child);
    earliest.set(root, firstPublished(earliest.get(root)!, earliest.get(child)!));
    earliest.delete(child);
    if (ambiguousRoots.delete(child)) ambiguousRoots.add(root);
    const [keep, add] = [members.get(root)!, members.get(child)!];
    if (keep.length >= add.length) keep.push(...add);
    else {
      add.push(...keep);
      members.set(root, add);
    }
    members.delete(child);
    const [dr, dc] = [datesOf(root), datesOf(child)];
    dates.set(root, { dates: [...new Set([...dr.dates, ...dc.dates])].sort(), explicit: new Set([...dr.explicit, ...dc.explicit]) });
  };
  const links: StoryLink[] = [];
  for (const c of candidates) {
    const a = views[c.i]!;
    const b = views[c.j]!;
    const ra = find(a.group);
    const rb = find(b.group);
    if (ra === rb) continue;
    if (datesClash(datesOf(ra), datesOf(rb))) continue;
    // A story with no date joins a dated one only on strong evidence, checked on the
    // merged groups (so a chain of undated reports cannot carry a weak link across).
    const [da, db] = [datesOf(ra).dates.length > 0, datesOf(rb).dates.length > 0];
    if (da !== db) {
      const datedDates = da ? datesOf(ra).dates : datesOf(rb).dates;
      const undated = da ? rb : ra;
      const duplicate = c.similarity >= DUPLICATE_LEAD_SIMILARITY;
      const datedFirst = earliest.get(da ? ra : rb)!;
      if (!duplicate && (!c.strong || ambiguousRoots.has(undated) || !storyFitsDates(earliest.get(undated)!, datedDates, datedFirst))) continue;
    }
    const sa = sums.get(ra)!;
    const sb = sums.get(rb)!;
    if (sa.n + sb.n > 2 && cosineOf(sa.vector, sb.vector) / (sa.n * sb.n) < MIN_MEAN_SIMILARITY) continue;
    join(ra, rb);
    links.push({ a: a.group, b: b.group, mentionA: a.anchor, mentionB: b.anchor, score: c.score, reasons: c.reasons });
  }

  // Small stories left over join the one bigger story their leads are clearly closest to.
  // A big story is a candidate of many small ones: its cast, rare lead names and norm are
  // cached per root and merged (the smaller into the larger) when a small story joins it.
  const rootOf = (vi: number): number => find(views[vi]!.group);
  // The stories of the block mates of these reports (blocks of at most MAX_BLOCK articles).
  const blockMateRoots = (reports: readonly number[]): Set<number> => {
    const roots = new Set<number>();
    for (const vi of reports) {
      for (let k = blockStart[vi]!; k < blockStart[vi + 1]!; k++) {
        const block = blocks.get(blockTerms.data[k]!)!;
        if (block.length <= MAX_BLOCK) for (const mate of block) roots.add(rootOf(mate));
      }
    }
    return roots;
  };
  const normOf = (root: number): number => {
    const entry = sums.get(root)!;
    entry.norm2 ??= squaredNorm(entry.vector);
    return Math.sqrt(entry.norm2) || 1;
  };
  // Cosine of the summed leads (the lead similarity of two stories).
  const similarityOf = (ra: number, rb: number): number => cosineOf(sums.get(ra)!.vector, sums.get(rb)!.vector) / (normOf(ra) * normOf(rb));
  const casts = new Map<number, StoryCast>();
  const castOf = (root: number): StoryCast => {
    let c = casts.get(root);
    if (!c) casts.set(root, (c = castOfGroups([...new Set(members.get(root)!.map((vi) => views[vi]!.group))].map(profile))));
    return c;
  };
  // Each root's rare lead names (ids).
  const leadNames = new Map<number, Set<number>>();
  const namesOf = (root: number): Set<number> => {
    let n = leadNames.get(root);
    if (!n) {
      leadNames.set(root, (n = new Set()));
      for (const vi of members.get(root)!) {
        const slot = views[vi]!.slot;
        for (let k = texts.nameFrom(slot); k < texts.nameTo(slot); k++) if (rareName(texts.nameIds[k]!)) n.add(texts.nameIds[k]!);
      }
    }
    return n;
  };
  const sharesRareName = (ra: number, rb: number): boolean => [...namesOf(ra)].some((n) => namesOf(rb).has(n));
  // Each root's places, folded (for placeNamedInLeads; cached, merged when stories join).
  const placeKeys = new Map<number, Set<string>>();
  const placeKeysOf = (root: number): Set<string> => {
    let keys = placeKeys.get(root);
    if (!keys) placeKeys.set(root, (keys = new Set([...castOf(root).places].map(fold))));
    return keys;
  };
  // One of the story's places named in the small story's leads (as one to three words): the smaller side is scanned.
  const placeNamedInLeads = (root: number, reportViews: readonly ArticleView[]): boolean => {
    const places = placeKeysOf(root);
    if (places.size === 0) return false;
    const grams = new Set(reportViews.flatMap((v) => wordGrams(fold(leadText(v.article)), 3)));
    if (places.size < grams.size) return [...places].some((p) => grams.has(p));
    return [...grams].some((g) => places.has(g));
  };
  // Joins two stories found after the pairwise pass, their cached casts and lead names merged.
  const joinStory = (ra: number, rb: number, label: string): void => {
    const [a, b] = [views[members.get(ra)![0]!]!, views[members.get(rb)![0]!]!];
    links.push({ a: a.group, b: b.group, mentionA: a.anchor, mentionB: b.anchor, score: STORY_THRESHOLD, reasons: [{ label, weight: STORY_THRESHOLD }] });
    const [cast, names] = [mergeCasts(castOf(ra), castOf(rb)), mergeSets(namesOf(ra), namesOf(rb))];
    join(ra, rb);
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    casts.set(root, cast);
    casts.delete(child);
    leadNames.set(root, names);
    leadNames.delete(child);
    const [pa, pb] = [placeKeys.get(ra), placeKeys.get(rb)];
    placeKeys.delete(child);
    if (pa && pb) placeKeys.set(root, mergeSets(pa, pb));
    else placeKeys.delete(root);
  };
  // A follow-up's evidence (see the module comment): a person of the story few articles name,
  // among the small story's participants, or named in its leads (`leadPairs`: their word pairs)
  // when it has none of its own. One set lookup per person of the story's cast.
  const followUpPerson = (own: Cast, other: Cast, leadPairs: () => ReadonlySet<string>): string | null => {
    const common = commonPeople(own.people, other.people, other.nameKeys).filter(rarePerson).sort();
    if (common.length > 0) return common[0]!;
    if (own.people.size > 0) return null;
    const named = [...other.people].filter((p) => p.includes(' ') && rarePerson(p) && leadPairs().has(p.split(' ').slice(-2).join(' ')));
    return named.sort()[0] ?? null;
  };
  // The generation at which each small story was last weighed without joining anything: the
  // second pass (after close stories) weighs again only what changed, 1.37 → 0.77 s of CPU in
  // this pass at 20k synthetic articles, outputs byte-identical (20k, corpus, seeds).
  const weighedAt = new Map<number, number>();
  const unchangedSince = (root: number, at: number): boolean => (changedAt.get(root) ?? 0) <= at;
  const nearestStories = (): void => {
    for (const r of [...members.keys()].sort((x, y) => x - y)) {
      const reports = members.get(r);
      if (!reports || reports.length > NEAREST_STORY_MAX_REPORTS) continue;
      const roots = blockMateRoots(reports);
      // Weighed before, and neither it nor a candidate changed since: the same answer (no join).
      const before = weighedAt.get(r);
      if (before !== undefined && unchangedSince(r, before) && [...roots].every((t) => unchangedSince(t, before))) continue;
      weighedAt.set(r, generation);
      const own = castOf(r);
      const reportViews = reports.map((vi) => views[vi]!);
      // The cast veto reads the small story's whole leads (a few reports): "Marfin Bank" may come in its third sentence.
      let leadPairs: string[][] | null = null;
      const namedInLeads = (cast: Cast): boolean => (leadPairs ??= reportViews.map((v) => wordPairs(fold(leadText(v.article))))).some((pairs) => pairs.some((pair) => cast.nameKeys.has(pair)));
      const options = [...roots]
        .filter((t) => t !== r && members.get(t)!.length >= 2 * reports.length && !(castsDiffer(own, castOf(t)) && !namedInLeads(castOf(t))))
        .map((t) => ({ root: t, similarity: similarityOf(r, t) }))
        .sort((x, y) => y.similarity - x.similarity || x.root - y.root);
      const best = options[0];
      const next = options[1]?.similarity ?? 0;
      if (!best || best.similarity < NEAREST_STORY_SIMILARITY || next * NEAREST_STORY_MARGIN > best.similarity) continue;
      const t = best.root;
      const other = castOf(t);
      // As for pairwise links (sharedEvidence).
      // A small story that found no place of its own may still name the story's place in its leads
      // ("Latest on Waitrose supermarket fire" ... "the supermarket in Wellington").
      const evidence = sharedEvidence(own, other, sharesRareName(r, t)) || (sizeOf(own.places) === 0 && placeNamedInLeads(t, reportViews));
      if (!evidence || ambiguousRoots.has(r) || datesClash(datesOf(r), datesOf(t))) continue;
      const [ownDated, storyDated] = [datesOf(r).dates.length > 0, datesOf(t).dates.length > 0];
      // As for pairwise links: the undated side's first report must fit the dated side's dates.
      const fits =
        ownDated && storyDated
          ? true
          : ownDated
            ? storyFitsDates(earliest.get(t)!, datesOf(r).dates, earliest.get(r)!, true)
            : storyDated
              ? storyFitsDates(earliest.get(r)!, datesOf(t).dates, earliest.get(t)!, true)
              : members.get(t)!.some((si) => reportViews.some((v) => publishedClose(v.article, views[si]!.article)));
      if (fits) {
        joinStory(r, t, `nearest story: lead similarity ${best.similarity.toFixed(2)} to the story's leads, ${next.toFixed(2)} to the next`);
        continue;
      }
      // Out of the window: a follow-up (the trial, the sentence) when it names a rare person of the
      // story, or, when it dates no event of its own, when its leads are as close to the story's as
      // CLOSE_LEADS_SIMILARITY (a late reprint or retrospective, a report whose publication date is
      // wrong); never a call or a meeting (the same leaders call and meet again and again).
      if (anyRecurring(own)) continue;
      let pairSet: Set<string> | null = null;
      const leadPairSet = (): Set<string> => (pairSet ??= new Set((leadPairs ??= reportViews.map((v) => wordPairs(fold(leadText(v.article))))).flat()));
      const person = followUpPerson(own, other, leadPairSet);
      const label = `follow-up: lead similarity ${best.similarity.toFixed(2)} to the story's leads, ${next.toFixed(2)} to the next`;
      if (person !== null) joinStory(r, t, `${label}, naming ${person}`);
      else if (!ownDated && best.similarity >= CLOSE_LEADS_SIMILARITY) joinStory(r, t, `${label}, close leads`);
    }
  };
  nearestStories();

  // Close stories: two stories of any size whose coverage began within UNDATED_STORY_DAYS and
  // whose summed leads are close (a trial's first day and its verdict, five and four reports
  // whose pairs share too few words each). Proposed by the candidate links the passes above
  // left between them, closest first.
  const proposals = new Map<string, { ra: number; rb: number; similarity: number }>();
  for (const c of candidates) {
    const [x, y] = [rootOf(c.i), rootOf(c.j)];
    if (x === y) continue;
    const [ra, rb] = x < y ? [x, y] : [y, x];
    const key = `${ra}|${rb}`;
    if (proposals.has(key)) continue;
    proposals.set(key, { ra, rb, similarity: similarityOf(ra, rb) });
  }
  const close = [...proposals.values()].filter((p) => p.similarity >= SAME_STORY_SIMILARITY).sort((p, q) => q.similarity - p.similarity || p.ra - q.ra || p.rb - q.rb);
  for (const { ra: a, rb: b, similarity } of close) {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb || datesClash(datesOf(ra), datesOf(rb)) || ambiguousRoots.has(ra) || ambiguousRoots.has(rb)) continue;
    const [first, other] = [earliest.get(ra)!, earliest.get(rb)!];
    if (first === null || other === null || !publishedClose(first, other)) continue;
    // One side dated, the other not: the undated side's first report must fit, as for pairwise links.
    const [da, db] = [datesOf(ra).dates.length > 0, datesOf(rb).dates.length > 0];
    if (da !== db && !(da ? storyFitsDates(other, datesOf(ra).dates, first) : storyFitsDates(first, datesOf(rb).dates, other))) continue;
    const [ca, cb] = [castOf(ra), castOf(rb)];
    // Calls and meetings repeat within days between the same parties: never joined this way.
    if (recurringKinds(ca, cb) || castsDiffer(ca, cb) || !sharedEvidence(ca, cb, sharesRareName(ra, rb))) continue;
    joinStory(ra, rb, `close stories: summed lead similarity ${similarity.toFixed(2)}, first reports published within ${UNDATED_STORY_DAYS} days`);
  }
  // The nearest-story pass again: stories joined by the close-stories pass may now be a small
  // story's clear nearest one (an arrest's two reports, nearly as close to a trial's opening as
  // to its verdict until those two were joined).
  nearestStories();
  return { links, followUps: followUpStories() };

  /**
   * Follow-ups (the story level only): two stories whose dates contradict (a verdict and the
   * sentencing weeks later) are one story, never one event, when both name a participant few
   * articles name, their summed leads are close enough, their places do not differ, their
   * dates lie within FOLLOW_UP_DAYS and neither is a call or a meeting (see the module
   * comment). Proposed by the block pairs.
   */
  function followUpStories(): StoryLink[] {
    const n = views.length;
    // Roots are group indexes (there may be more groups than views): pairs of them keyed by groups.length.
    const seen = new Set<number>();
    const proposals: { ra: number; rb: number; similarity: number }[] = [];
    // What the checks below need of each side alone, asked before the (costlier) lead similarity:
    // neither a call nor a meeting, and a rare person on the side the shared one is read from (ra).
    const recurring = new Map<number, boolean>();
    const isRecurring = (root: number): boolean => {
      let r = recurring.get(root);
      if (r === undefined) recurring.set(root, (r = anyRecurring(castOf(root))));
      return r;
    };
    const rarePeople = new Map<number, boolean>();
    const namesRarePerson = (root: number): boolean => {
      let r = rarePeople.get(root);
      if (r === undefined) rarePeople.set(root, (r = [...castOf(root).people].some(rarePerson)));
      return r;
    };
    for (const key of pairs) {
      const [x, y] = [rootOf(Math.floor(key / n)), rootOf(key % n)];
      if (x === y) continue;
      const [ra, rb] = x < y ? [x, y] : [y, x];
      const pairKey = ra * groups.length + rb;
      if (seen.has(pairKey)) continue;
      seen.add(pairKey);
      // A rare person of ra, or a small story on one side (see clearlyNearest), before the lead similarity.
      const small = Math.min(members.get(ra)!.length, members.get(rb)!.length) <= NEAREST_STORY_MAX_REPORTS;
      if (isRecurring(ra) || isRecurring(rb) || !(namesRarePerson(ra) || small) || !datesClash(datesOf(ra), datesOf(rb))) continue;
      proposals.push({ ra, rb, similarity: similarityOf(ra, rb) });
    }
    proposals.sort((p, q) => q.similarity - p.similarity || p.ra - q.ra || p.rb - q.rb);
    // The smaller of two roots is a small story (NEAREST_STORY_MAX_REPORTS) whose leads are closer to the
    // other's than to any other story of its block mates by NEAREST_STORY_MARGIN.
    const clearlyNearest = (ra: number, rb: number, similarity: number): boolean => {
      const [small, big] = members.get(ra)!.length <= members.get(rb)!.length ? [ra, rb] : [rb, ra];
      if (members.get(small)!.length > NEAREST_STORY_MAX_REPORTS) return false;
      const roots = blockMateRoots(members.get(small)!);
      roots.delete(small);
      roots.delete(big);
      for (const t of roots) if (similarityOf(small, t) * NEAREST_STORY_MARGIN > similarity) return false;
      return true;
    };
    const out: StoryLink[] = [];
    for (const { ra, rb, similarity } of proposals) {
      if (similarity < FOLLOW_UP_SIMILARITY) break;
      const [ca, cb] = [castOf(ra), castOf(rb)];
      if (anyRecurring(ca) || anyRecurring(cb) || castsDiffer(ca, cb) || placesDiffer(ca, cb)) continue;
      const person = namesRarePerson(ra) ? commonPeople(ca.people, cb.people, cb.nameKeys).filter(rarePerson).sort()[0] : undefined;
      const gap = contradictionGap(datesOf(ra), datesOf(rb));
      if (gap === null || gap > FOLLOW_UP_DAYS) continue;
      // Without a rare person: close leads, shared evidence (a participant, the place, a rare lead name), a few
      // months at most, and a small story whose leads are clearly closest to the other's (look-alike reports of
      // many events, a template of wire copy, give no clear nearest).
      const close =
        person === undefined &&
        similarity >= FOLLOW_UP_CLOSE_SIMILARITY &&
        gap <= FOLLOW_UP_CLOSE_DAYS &&
        sharedEvidence(ca, cb, sharesRareName(ra, rb)) &&
        clearlyNearest(ra, rb, similarity);
      if (person === undefined && !close) continue;
      const [a, b] = [views[members.get(ra)![0]!]!, views[members.get(rb)![0]!]!];
      const label = person !== undefined ? `follow-up: lead similarity ${similarity.toFixed(2)}, naming ${person}, dates ${gap} days apart` : `follow-up: lead similarity ${similarity.toFixed(2)}, close leads, dates ${gap} days apart`;
      out.push({ a: a.group, b: b.group, mentionA: a.anchor, mentionB: b.anchor, score: STORY_THRESHOLD, reasons: [{ label, weight: STORY_THRESHOLD }] });
    }
    return out;
  }
}

/**
 * Days between the closest two dates of the sets that contradict each other (a month or a
 * year spans its days), or null when none do: how far apart the two events are.
 */
function contradictionGap(a: DatedSet, b: DatedSet): number | null {
  let best: number | null = null;
  for (const x of a.dates) {
    for (const y of b.dates) {
      if (!datesContradict(x, y, !a.explicit.has(x) || !b.explicit.has(y))) continue;
      const [xs, xe] = dateSpan(x);
      const [ys, ye] = dateSpan(y);
      const gap = Math.max(0, Math.max(xs, ys) - Math.min(xe, ye)) / 86_400_000;
      if (best === null || gap < best) best = gap;
    }
  }
  return best;
}

/** First and last day (ms) a YYYY, YYYY-MM or YYYY-MM-DD date covers. */
function dateSpan(date: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return [Date.UTC(y, m! - 1, d), Date.UTC(y, m! - 1, d)];
  if (m !== undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 0)];
  return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)];
}

/**
 * Views of undated stories that fit two or more dated stories with contradicting dates:
 * same kind of event, a shared participant or place (when the report names neither: any
 * story it has a strong candidate link with, `linked`), published within the window of
 * each. Indexed by kind and person/place.
 */
function ambiguousReports(
  views: readonly ArticleView[],
  profile: (gi: number) => GroupProfile,
  linked: ReadonlyMap<number, ReadonlySet<number>>,
): Set<number> {
  // Indexed by key and day: a report fits a group only through a day in its publication window
  // (see reportFitsDates), so it looks up those few days, never every dated group of its kind.
  const index = new Map<string, Set<number>>();
  const keysOf = (p: GroupProfile): string[] =>
    [...p.families].flatMap((f) => (p.people.size + p.places.length === 0 ? [`${f}|*`] : [...[...p.people].map((x) => `${f}|p:${x}`), ...p.places.map((x) => `${f}|l:${fold(x)}`), `${f}|*`]));
  const datedGroups = [...new Set(views.map((v) => v.group))].filter((g) => profile(g).dates.length > 0).sort((x, y) => x - y);
  for (const g of datedGroups) {
    const days = profile(g).dates.filter((d) => d.length === 10);
    for (const key of keysOf(profile(g))) {
      for (const day of days) {
        let set = index.get(`${key}\u0000${day}`);
        if (!set) index.set(`${key}\u0000${day}`, (set = new Set()));
        set.add(g);
      }
    }
  }
  const out = new Set<number>();
  views.forEach((v, i) => {
    const p = profile(v.group);
    if (p.dates.length > 0 || !v.article.meta.published) return;
    const named = p.people.size + p.places.length > 0;
    const days = fittingDays(v.article.meta.published);
    const options = new Set<number>();
    for (const key of keysOf(p)) {
      if (named && key.endsWith('|*')) continue;
      for (const day of days) for (const g of index.get(`${key}\u0000${day}`) ?? []) options.add(g);
    }
    // A report naming nobody fits every event of its kind in its window: only the stories its lead is strongly linked to count.
    const list = [...options].filter((g) => named || linked.get(i)?.has(g)).sort((x, y) => x - y);
    if (list.some((g) => list.some((h) => datesClash(profile(g), profile(h))))) out.add(i);
  });
  return out;
}

/** View index → the groups of the views it has a strong candidate link with (see ambiguousReports). */
function strongLinks(candidates: readonly Candidate[], views: readonly ArticleView[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  const add = (from: number, to: number): void => {
    const set = out.get(from);
    if (set) set.add(views[to]!.group);
    else out.set(from, new Set([views[to]!.group]));
  };
  for (const c of candidates) {
    if (!c.strong) continue;
    add(c.i, c.j);
    add(c.j, c.i);
  }
  return out;
}

/** The event days a report published on `published` may be about: a day after it (time zones) to UNDATED_STORY_DAYS before. */
function fittingDays(published: string): string[] {
  const day = Date.parse(published.slice(0, 10));
  const out: string[] = [];
  if (Number.isNaN(day)) return out;
  for (let lag = -1; lag <= UNDATED_STORY_DAYS; lag++) out.push(new Date(day - lag * 86_400_000).toISOString().slice(0, 10));
  return out;
}

interface Candidate {
  i: number;
  j: number;
  score: number;
  reasons: MergeReason[];
  /** Strong enough for an undated story to join a dated one: close leads and a shared participant or place. */
  strong: boolean;
  /** Lead similarity of the pair. */
  similarity: number;
}

/**
 * Could this undated report be about an event on one of `dates`? It is published on
 * that day or up to UNDATED_STORY_DAYS later (a day earlier for time zones); with no
 * publication date the story evidence decides alone.
 */
function reportFitsDates(article: Article, dates: readonly string[]): boolean {
  const published = article.meta.published;
  if (!published) return true;
  const days = fittingDays(published);
  return dates.some((d) => days.includes(d));
}

/**
 * Could this undated story be about an event on one of `dates`? Its first report (the
 * earliest published, `first`, cached per story) must fit: later ones may be follow-ups
 * days or weeks on ("nominated to be surgeon general" a week after the nomination). With
 * no publication date at all (`first` null) the story evidence decides alone.
 *
 * A dated story whose dates are all a month or a year ("in 2011", "March 2005": often a
 * recalled or planned event, rarely the news itself) cannot be matched day by day: the
 * undated story fits when its first report comes out in that month or year (or up to
 * UNDATED_STORY_DAYS after), or within UNDATED_STORY_DAYS of the dated story's first
 * report (`datedFirst`), as two undated stories would.
 */
function storyFitsDates(first: Article | null, dates: readonly string[], datedFirst: Article | null, alongside = false): boolean {
  if (first === null) return true;
  if (dates.some((d) => d.length === 10)) return reportFitsDates(first, dates) || (alongside && reportedAlongside(first, dates, datedFirst));
  const days = fittingDays(first.meta.published!);
  return dates.some((d) => days.some((day) => day.startsWith(d))) || (datedFirst !== null && publishedClose(first, datedFirst));
}

/**
 * The undated story's first report came out alongside the dated story's own first report:
 * from a day before it (time zones) to UNDATED_STORY_DAYS after, and not before the event's
 * earliest day. An obituary published five days after the death, with the death's other
 * reports, is news of the same week even though it is out of the event's window.
 */
function reportedAlongside(first: Article, dates: readonly string[], datedFirst: Article | null): boolean {
  if (datedFirst === null || !datedFirst.meta.published || !first.meta.published) return false;
  const day = Date.parse(first.meta.published.slice(0, 10));
  const lag = (day - Date.parse(datedFirst.meta.published.slice(0, 10))) / 86_400_000;
  const earliestDay = dates.filter((d) => d.length === 10).sort()[0]!;
  return lag >= -1 && lag <= UNDATED_STORY_DAYS && day >= Date.parse(earliestDay) - 86_400_000;
}

/** The earlier published of two reports (by day, then id); null stands for no date known. */
function firstPublished(a: Article | null, b: Article | null): Article | null {
  if (a === null || b === null) return a ?? b;
  return (a.meta.published!.slice(0, 10).localeCompare(b.meta.published!.slice(0, 10)) || (a.id < b.id ? -1 : 1)) < 0 ? a : b;
}

/** A story's first report: the earliest published (null when none is dated). */
function earliestPublished(reports: readonly Article[]): Article | null {
  return reports.reduce<Article | null>((first, a) => (a.meta.published ? firstPublished(first, a) : first), null);
}

interface DatedSet {
  dates: string[];
  /** Day-level dates some mention states with month and day ("March 18"), not only relatively ("Friday"). */
  explicit: ReadonlySet<string>;
}

/** The people of a group or story. */
export interface Cast {
  people: ReadonlySet<string>;
  /** The last two words of each participant's name of two words or more ("jerry ortiz" of "deputy jerry ortiz"). */
  nameKeys: ReadonlySet<string>;
}

/** The empty set of a group profile (never modified: profiles are read, and copied into casts). */
const NO_STRINGS: ReadonlySet<string> = new Set();

interface GroupProfile extends DatedSet, Cast {
  families: ReadonlySet<string>;
  places: string[];
}

function nameKeysOf(people: ReadonlySet<string>): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const p of people) if (p.includes(' ')) keys.add(lastTwoWords(p));
  return keys.size > 0 ? keys : NO_STRINGS;
}

/** The last two words of a name of two words or more. */
function lastTwoWords(name: string): string {
  return name.split(' ').slice(-2).join(' ');
}

function profileOf(group: readonly EventMention[]): GroupProfile {
  const people = new Set(group.flatMap((m) => m.participants.map(fold)));
  const dates = new Set<string>();
  const explicit = new Set<string>();
  for (const m of group) {
    const d = dateOf(m.time);
    if (d) dates.add(d);
    if (d && m.time?.known.month && m.time.known.day) explicit.add(d);
  }
  return {
    families: new Set(group.map((m) => typeFamily(m.type))),
    dates: [...dates].sort(),
    explicit: explicit.size > 0 ? explicit : NO_STRINGS,
    people: people.size > 0 ? people : NO_STRINGS,
    nameKeys: nameKeysOf(people),
    places: [...new Set(group.map((m) => m.place).filter((p): p is string => p !== null))].sort(),
  };
}

/**
 * Vetoes before any weighing: contradicting dates; two casts with nobody in common
 * ("Trump and Putin met" is not "Merkel and Macron met", see castsDifferUpFront). A dated
 * event and an undated one are weighed, then held to the strong-evidence rule when their
 * groups are joined.
 */
function storiesMayJoin(pa: GroupProfile, pb: GroupProfile, a: ArticleView, b: ArticleView): boolean {
  return !datesClash(pa, pb) && !castsDifferUpFront(pa, pb, a, b);
}

/**
 * Both name participants, none in common, and neither report names someone of the
 * other's cast in its headline or first sentence: "Klitschko stopped Tony Thompson" is
 * the fight whose only participant found elsewhere was his trainer; "Jamal Williams
 * arrested" is not Vincent Jackson's arrest, recalled further down. (The nearest-story
 * pass reads the small story's whole leads instead, see linkStories.)
 */
function castsDifferUpFront(pa: Cast, pb: Cast, a: ArticleView, b: ArticleView): boolean {
  return castsDiffer(pa, pb) && !namedUpFront(pb, a) && !namedUpFront(pa, b);
}

/** What the evidence rules read of a group or story. */
interface Kinds {
  families: ReadonlySet<string>;
  people: ReadonlySet<string>;
  nameKeys: ReadonlySet<string>;
  places: Iterable<string>;
}

/** A call or a meeting among the kinds of event (see recurringKinds). */
function anyRecurring(a: Kinds): boolean {
  return [...a.families].some((f) => RECURRING_FAMILIES.has(f));
}

/** Two calls or two meetings: the same parties call and meet again and again. */
function recurringKinds(a: Kinds, b: Kinds): boolean {
  return [...a.families].some((f) => RECURRING_FAMILIES.has(f) && b.families.has(f));
}

/**
 * Evidence that two stories are one, beside their leads: a shared participant, the same
 * place or a rare lead name both name — but two shared participants between two calls
 * or two meetings (an undated one must name the cast, as rule B of index.ts asks of an
 * undated mention). Pairwise links and the nearest story read it alike.
 */
function sharedEvidence(a: Kinds, b: Kinds, sharesRareName: boolean): boolean {
  const common = commonPeople(a.people, b.people, b.nameKeys).length;
  if (recurringKinds(a, b)) return common >= 2;
  return common > 0 || [...a.places].some((x) => [...b.places].some((y) => placeRelation(x, y) === 'same')) || sharesRareName;
}

/** Both name places, and every place of one is a different place of the same level from every place of the other. */
function placesDiffer(a: Kinds, b: Kinds): boolean {
  const [pa, pb] = [[...a.places], [...b.places]];
  return pa.length > 0 && pb.length > 0 && pa.every((x) => pb.every((y) => placeRelation(x, y) === 'different'));
}

/** Both name participants, and none in common. */
function castsDiffer(pa: Cast, pb: Cast): boolean {
  return pa.people.size > 0 && pb.people.size > 0 && commonPeople(pa.people, pb.people, pb.nameKeys).length === 0;
}

/**
 * What the nearest-story pass reads of a story: its kinds of event, people and places (dates
 * are kept per root apart). A story of one group reads that group's profile sets, copied
 * only when mergeCasts adds to them (`owned`: one bit per set of CAST_SETS it may modify).
 */
export interface StoryCast extends Cast {
  families: ReadonlySet<string>;
  /** The group's profile's places (distinct), or a set. */
  places: ReadonlySet<string> | readonly string[];
  owned: number;
}

function sizeOf(items: ReadonlySet<string> | readonly string[]): number {
  return 'size' in items ? items.size : items.length;
}

const CAST_SETS = ['families', 'people', 'nameKeys', 'places'] as const;
const ALL_OWNED = (1 << CAST_SETS.length) - 1;

/** The cast of one group or several together (several: new sets, owned). */
function castOfGroups(profiles: readonly GroupProfile[]): StoryCast {
  if (profiles.length === 1) {
    const p = profiles[0]!;
    return { families: p.families, people: p.people, nameKeys: p.nameKeys, places: p.places, owned: 0 };
  }
  return {
    families: new Set(profiles.flatMap((p) => [...p.families])),
    people: new Set(profiles.flatMap((p) => [...p.people])),
    nameKeys: new Set(profiles.flatMap((p) => [...p.nameKeys])),
    places: new Set(profiles.flatMap((p) => p.places)),
    owned: ALL_OWNED,
  };
}

/**
 * Two casts joined: every set the union of both (the larger cast's sets are kept and take
 * the other's names, copied first unless this cast already owns them). Until this round a
 * set of the smaller cast that was larger than the kept one's was dropped instead; taking
 * it in changed nothing on ECB+ train/dev, GVC val, the benchmark corpus or 20k synthetic
 * articles, but a joined story must know everyone it names.
 */
export function mergeCasts(a: StoryCast, b: StoryCast): StoryCast {
  const size = (c: StoryCast): number => c.families.size + c.people.size + c.nameKeys.size + sizeOf(c.places);
  const [big, small] = size(a) >= size(b) ? [a, b] : [b, a];
  const out = { ...big };
  CAST_SETS.forEach((key, bit) => {
    if (sizeOf(small[key]) === 0) return;
    const set = out.owned & (1 << bit) ? (big[key] as Set<string>) : new Set(big[key]);
    out.owned |= 1 << bit;
    for (const x of small[key]) set.add(x);
    out[key] = set;
  });
  return out;
}

/** The union of two owned sets: the smaller added to the larger, which is returned. */
function mergeSets<T>(a: Set<T>, b: Set<T>): Set<T> {
  const [big, small] = a.size >= b.size ? [a, b] : [b, a];
  for (const x of small) big.add(x);
  return big;
}

/**
 * Participants of `a` that `b` names too, allowing a title or team word before a full
 * name ("Charger Jamal Williams" is "Jamal Williams"): one folded name ends with the
 * other, which has at least two words.
 */
export function commonPeople(a: ReadonlySet<string>, b: ReadonlySet<string>, bKeys?: ReadonlySet<string>): string[] {
  // Without scanning `b` for every name of `a` (a big story's cast is read by every small story near it):
  // x ending with " y" (y of two words or more) is found among x's own endings; y ending with " x" (x of
  // two words or more) shares x's last two words (nameKeysOf of `b`, `bKeys` when the caller has them),
  // and only then is `b` scanned.
  const out: string[] = [];
  let keys = bKeys;
  for (const x of a) {
    if (b.has(x) || endsWithNameOf(x, b)) out.push(x);
    else if (x.includes(' ') && (keys ??= nameKeysOf(b)).has(lastTwoWords(x)) && [...b].some((y) => y.endsWith(` ${x}`))) out.push(x);
  }
  return out;
}

/** `x` ends with " y" for a `y` of `b` of two words or more. */
function endsWithNameOf(x: string, b: ReadonlySet<string>): boolean {
  for (let p = x.indexOf(' '); p !== -1; p = x.indexOf(' ', p + 1)) {
    const ending = x.slice(p + 1);
    if (ending.includes(' ') && b.has(ending)) return true;
  }
  return false;
}

/**
 * Dates contradict at day level or above; adjacent days do not when one of them is only
 * relative ("Friday night" read from two publication dates, a late-night event).
 */
function datesClash(a: DatedSet, b: DatedSet): boolean {
  return a.dates.some((x) => b.dates.some((y) => datesContradict(x, y, !a.explicit.has(x) || !b.explicit.has(y))));
}

/** Two reports of candidate stories and what the story levels read of them. */
interface StoryPair {
  a: ArticleView;
  b: ArticleView;
  pa: GroupProfile;
  pb: GroupProfile;
  similarity: number;
  sharedNames: readonly string[];
  rarePerson: (name: string) => boolean;
}

function compareStories(pair: StoryPair): MergeReason[] {
  const reasons: MergeReason[] = [];
  storyLevels(pair, (weight, label) => void reasons.push({ label: label(), weight }));
  return reasons;
}

/**
 * The score of `compareStories` alone, its weights summed in the same order: most candidate
 * pairs score below STORY_THRESHOLD, and their labels were most of the pairs' cost.
 */
function storyScore(pair: StoryPair): number {
  let sum = 0;
  storyLevels(pair, (weight) => {
    sum += weight;
  });
  return Math.round(sum * 100) / 100;
}

/** Each level's weight and (lazily built) label, in a fixed order. */
function storyLevels(
  { a, b, pa, pb, similarity, sharedNames, rarePerson }: StoryPair,
  level: (weight: number, label: () => string) => void,
): void {
  const add = (label: () => string, weight: number): void => level(weight, label);

  const s = Math.round(similarity * 100) / 100;
  const leadWeight = similarity >= 0.3 ? 5 : similarity >= 0.2 ? 4 : similarity >= 0.15 ? 3 : similarity >= 0.1 ? 1 : similarity >= 0.05 ? 0 : -2;
  add(() => `same story: lead similarity ${s.toFixed(2)}`, leadWeight);

  const shared = [...pa.families].some((f) => pb.families.has(f));
  if (shared) add(() => `same kind of event ${[...pa.families].filter((f) => pb.families.has(f)).sort().join('/')}`, 1);
  // Different kinds are no evidence either way: one story is told as an attack, an arrest, a death.
  else add(() => `different kinds of event ${[...pa.families].sort().join('/')} vs ${[...pb.families].sort().join('/')}`, 0);

  const sameDay = pa.dates.find((d) => d.length === 10 && pb.dates.includes(d));
  if (sameDay) add(() => `same date ${sameDay}`, 2);

  if (pa.people.size > 0 && pb.people.size > 0) {
    const common = commonPeople(pa.people, pb.people, pb.nameKeys).sort();
    const rare = common.filter(rarePerson);
    if (rare.length > 0) add(() => `shared participants ${rare.join(', ')}`, 2);
    else if (common.length > 0) add(() => `shared participants ${common.join(', ')} (named in many articles)`, 0.5);
  }

  if (pa.places.length > 0 && pb.places.length > 0) {
    const relations = pa.places.flatMap((x) => pb.places.map((y) => ({ x, y, r: placeRelation(x, y) })));
    const same = relations.find((r) => r.r === 'same');
    const different = relations.find((r) => r.r === 'different');
    if (same) add(() => `same place ${same.x}`, 1);
    else if (different) add(() => `different place ${different.x} vs ${different.y}`, -3);
  }

  const published = [a.article.meta.published, b.article.meta.published];
  if (published[0] && published[1]) {
    const days = Math.abs(Date.parse(published[0].slice(0, 10)) - Date.parse(published[1].slice(0, 10))) / 86_400_000;
    if (Number.isFinite(days)) {
      if (days <= 3) add(() => 'published within 3 days', 1);
      else if (days > 365) add(() => `published ${Math.round(days)} days apart`, -6);
      else if (days > 60) add(() => `published ${Math.round(days)} days apart`, -3);
    }
  }

  if (sharedNames.length > 0) add(() => `shared names in the leads ${sharedNames.slice(0, 5).join(', ')}`, Math.min(1.5, sharedNames.length * 0.5));
}

// ─── Reports with no event of their own ─────────────────────────────────────

/** Lead similarity from which an article with no event mention is read as a report of another article's story. */
export const ADOPT_SIMILARITY = 0.2;

/**
 * Articles in which extraction found no event at all ("Dr. Gupta is the talk of the
 * town", an unusual verb in the headline) still report something: when one story's
 * leads are close to theirs (similarity ≥ ADOPT_SIMILARITY), share a rare capitalised
 * name with them, and fit their publication date (see reportFitsDates), that story's
 * event is their primary event. When two or more stories fit: none (the report
 * stays on its own). Returns article id → group index (in `groups`).
 */
export function adoptStories(
  articles: readonly Article[],
  groups: readonly (readonly EventMention[])[],
  primary: ReadonlyMap<string, number>,
  texts: LeadTexts = new LeadTexts(),
): Map<string, number> {
  const sorted = [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const readers = sorted.filter((a) => !primary.has(a.id));
  const tellers = sorted.filter((a) => primary.has(a.id));
  const out = new Map<string, number>();
  if (readers.length === 0 || tellers.length === 0) return out;
  const all = [...tellers, ...readers];
  // Plain loops, no closures over the vectors and names: see the end of linkStories.
  const slots: number[] = [];
  for (const a of all) slots.push(texts.slot(a));
  const { vectors } = PackedVectors.tfidf(texts.termCountsOf(slots), texts.terms.size);
  const nameIds = texts.nameIds;
  const nameDf = new Int32Array(texts.names.size);
  for (const slot of slots) for (let k = texts.nameFrom(slot); k < texts.nameTo(slot); k++) nameDf[nameIds[k]!]!++;
  const dates = new Map<number, string[]>();
  // Blocking: a reader is compared only with tellers sharing one of its rare lead names (the evidence asked
  // for anyway; a rare name is in at most MAX_BLOCK articles, see isRare).
  const byName = new Map<number, number[]>();
  for (let ti = 0; ti < tellers.length; ti++) {
    for (let k = texts.nameFrom(slots[ti]!); k < texts.nameTo(slots[ti]!); k++) {
      const n = nameIds[k]!;
      if (!isRare(nameDf[n]!, all.length)) continue;
      let list = byName.get(n);
      if (!list) byName.set(n, (list = []));
      list.push(ti);
    }
  }
  for (let r = 0; r < readers.length; r++) {
    const reader = readers[r]!;
    const ri = tellers.length + r;
    const near = new Set<number>();
    for (let k = texts.nameFrom(slots[ri]!); k < texts.nameTo(slots[ri]!); k++) for (const ti of byName.get(nameIds[k]!) ?? []) near.add(ti);
    const candidates = [...near].sort((x, y) => x - y);
    // The stories (groups) of the tellers that pass the evidence checks.
    const fitting = new Set<number>();
    for (const ti of candidates) {
      const teller = tellers[ti]!;
      const similarity = vectors.cosine(ri, ti);
      if (similarity < ADOPT_SIMILARITY) continue;
      const gi = primary.get(teller.id)!;
      let groupDates = dates.get(gi);
      if (!groupDates) dates.set(gi, (groupDates = profileOf(groups[gi]!).dates.filter((d) => d.length === 10)));
      if (groupDates.length > 0 && !reportFitsDates(reader, groupDates)) continue;
      if (groupDates.length === 0 && !publishedClose(reader, teller)) continue;
      fitting.add(gi);
    }
    if (fitting.size === 1) out.set(reader.id, [...fitting][0]!);
  }
  return out;
}

/**
 * A name or participant in at most a third of the articles (at least 2) is evidence;
 * one in more is the dump's topic. Never more than MAX_BLOCK articles: on a big dump a
 * third is thousands of articles, and "Obama" in both leads says nothing.
 */
function isRare(articlesNaming: number, articles: number): boolean {
  return articlesNaming <= Math.min(MAX_BLOCK, Math.max(2, articles / 3));
}

/** Both published within UNDATED_STORY_DAYS of each other, or either date unknown. */
function publishedClose(a: Article, b: Article): boolean {
  const [x, y] = [a.meta.published, b.meta.published];
  if (!x || !y) return true;
  return Math.abs(Date.parse(x.slice(0, 10)) - Date.parse(y.slice(0, 10))) / 86_400_000 <= UNDATED_STORY_DAYS;
}
