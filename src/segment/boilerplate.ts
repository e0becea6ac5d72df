/**
 * Boilerplate detection: general news-page rules, first on each block alone
 * (`lineVerdict`), then on neighbours (`applyContextRules`): a caption is the line
 * before a credit, a bio's outlet line sits above it, an infobox's fields sit under
 * it, and everything after a "Related Articles" heading is related material.
 * Every verdict names its rule so the report can explain it.
 */
import type { BlockKind, BoilerplateKind } from '../types.ts';
import { hasOnlyAsciiLetters, letterPattern, patternFor, type LetterPattern } from './ascii-letters.ts';
import { isCreditPart } from './credits.ts';
import { wordCount } from './spans.ts';

export interface Verdict {
  kind: BoilerplateKind;
  rule: string;
}

/** What the rules see of a block. `text` is its content (no list marker, no `==`). */
export interface BlockView {
  text: string;
  kind: BlockKind;
  level?: number;
  explicit: boolean;
}

const AGENCY = "(?:REUTERS|Reuters|AP|AFP|Getty Images|Sputnik|TASS|EPA|EPA-EFE|Bloomberg|Xinhua|Anadolu|ANADOLU|Kremlin|Pool|POOL|SNA|Handout|HANDOUT|RIA Novosti|UPI|NurPhoto|Shutterstock|Alamy|DPA|dpa|IMAGO|Imago)";
const VIA = '(?:via|by way of)';
const ENDS_SENTENCE = /[.!?…]["”’')\]]?$/;

// ─── credits and captions ────────────────────────────────────────────────────

/** What every credit names: a slash, "via", a pool or handout, an agency in brackets. */
const CREDIT_MARK = /\/|\bvia\b|\bby way of\b|\b(?:Pool|POOL|Handout|HANDOUT)\b|\((?:Getty|AP|AFP|Reuters)/;

/**
 * A line that is nothing but photo credits, "|"-separated, each one "Carlos
 * Barria/Reuters", "Ramil Sitdikov, Pool via Sputnik via Reuters" or "Name (Getty Images)"
 * (isCreditPart, credits.ts). The credit mark is checked first: most short lines have none
 * (the tests are pure, so the order does not change the answer).
 */
export function isCreditLine(text: string): boolean {
  if (text.length > 160 || ENDS_SENTENCE.test(text)) return false;
  const parts = text.split(/\s+\|\s+/);
  return parts.every((part) => wordCount(part) <= 12 && CREDIT_MARK.test(part) && isCreditPart(part));
}

/**
 * A rule: its pattern, its name, and strings one of which every match contains, so a
 * cheap `includes` skips the scan of most paragraphs (none for anchored patterns, cheap
 * anyway).
 */
type Rule = readonly [pattern: RegExp, rule: string, needs?: readonly string[]];

/** A rule ready to run: its pattern read through letterPattern (a Unicode class cut to ASCII where the text allows). */
type CompiledRule = readonly [pattern: LetterPattern, rule: string, needs: readonly string[] | undefined];

function compile(rules: readonly Rule[]): readonly CompiledRule[] {
  return rules.map(([pattern, rule, needs]) => [letterPattern(pattern), rule, needs]);
}

const CAPTION_RULES: readonly CompiledRule[] = compile([
  [/^(?:FILE\s+PHOTO|File\s+photo|FILE|PHOTO|Photo|IMAGE|Image|Picture|PICTURE|Photograph)\s*:/, 'photo-label'],
  [/\((?:Photo|Photograph|Image|Picture)s?\s+(?:by|credit|courtesy)\b[^)]*\)/i, 'photo-by', ['(']],
  [/\b(?:REUTERS|AP Photo|AFP|EPA|EPA-EFE|UPI|TASS|SPUTNIK|ANADOLU|Xinhua)\s*\/\s*\p{Lu}/u, 'agency-slash', ['/']],
  [/\bAP Photo\b/, 'ap-photo', ['AP Photo']],
  [new RegExp(`\\b${VIA}\\s+${AGENCY}\\s*\\)?$`), 'via-agency', ['via', 'by way of']],
  [/(?:\/|\bvia\s+|\()Getty Images\b/, 'getty-images', ['Getty Images']],
]);

/** `needs` is absent, or one of its strings occurs in `text`. */
function mayMatch(text: string, needs: readonly string[] | undefined): boolean {
  if (needs === undefined) return true;
  for (const needle of needs) if (text.includes(needle)) return true;
  return false;
}

function captionVerdict(text: string): Verdict | null {
  if (/^©/.test(text) && !/^©\s*(?:\d{4}|Copyright)/i.test(text) && text.length <= 160) {
    return { kind: 'credit', rule: 'copyright-credit' };
  }
  if (isCreditLine(text)) return { kind: 'credit', rule: 'credit-line' };
  const asciiLetters = hasOnlyAsciiLetters(text);
  for (const [pattern, rule, needs] of CAPTION_RULES) {
    if (mayMatch(text, needs) && patternFor(pattern, asciiLetters).test(text)) return { kind: wordCount(text) <= 5 ? 'credit' : 'caption', rule };
  }
  if (text.length <= 160 && text.includes('Getty Images') && /\bGetty Images\b/.test(text) && !ENDS_SENTENCE.test(text)) {
    return { kind: 'credit', rule: 'getty-images' };
  }
  return null;
}

// ─── bylines and bios ────────────────────────────────────────────────────────

const BIO_START = letterPattern(/^\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,3}\s+is\s+(?:a|an|the)\s+([^.]{0,120})/u);
const PROFESSION =
  /\b(?:journalist|editor|correspondent|reporter|writer|producer|columnist|photographer|photojournalist|contributor|author|bureau chief|anchor|presenter|news assistant|fact-checker|videographer)s?\b/i;
const BY_LINE = letterPattern(/^By\s+\p{Lu}[\p{L}\p{M}.'’-]+(?:\s+\p{Lu}[\p{L}\p{M}.'’-]+){0,3}(?:(?:,|\s+and)\s+\p{Lu}[\p{L}\p{M}.'’-]+(?:\s+\p{Lu}[\p{L}\p{M}.'’-]+){0,3})*(?:\s*[,|–—-]\s*[^.]{0,40})?$/u);

/** News about a journalist ("… is a Wall Street Journal reporter who was detained") is not a bio. */
const NEWS_ABOUT_PERSON = /\b(?:detained|arrested|jailed|sentenced|convicted|charged|accused|killed|died|dead|wounded|injured|kidnapped|missing|released|freed|expelled|banned|sued)\b/i;

export function isBio(text: string): boolean {
  const match = patternFor(BIO_START, hasOnlyAsciiLetters(text)).exec(text);
  return match !== null && PROFESSION.test(match[1]!) && !NEWS_ABOUT_PERSON.test(text);
}

function bylineVerdict(text: string): Verdict | null {
  if (isBio(text)) return { kind: 'byline', rule: 'author-bio' };
  if (text.length <= 100 && text.startsWith('By') && patternFor(BY_LINE, hasOnlyAsciiLetters(text)).test(text)) return { kind: 'byline', rule: 'by-line' };
  if (/^(?:Reporting|Writing|Editing|Additional reporting|Compiled) by\b/i.test(text) && text.length <= 300) {
    return { kind: 'byline', rule: 'reporting-credits' };
  }
  if (text.includes('@') && (/^(?:Contact|E-?mail|Follow)\s*:?\s*\S+@\S+\.\S+$/i.test(text) || /^\S+@\S+\.\w+$/.test(text))) {
    return { kind: 'byline', rule: 'contact' };
  }
  return null;
}

// ─── page furniture ──────────────────────────────────────────────────────────

const STANDARDS_RULES: readonly CompiledRule[] = compile([
  [/^Our Standards\b/i, 'our-standards'],
  [/^(?:©|\(c\)|Copyright)\s*(?:©\s*)?\d{4}/i, 'copyright'],
  [/^Copyright\b/i, 'copyright'],
  [/\bAll rights reserved\b/i, 'all-rights-reserved'],
  [/\bTrust Principles\b/, 'trust-principles'],
]);

const TIMESTAMP_RULES: readonly CompiledRule[] = compile([
  [/^(?:(?:Last\s+)?(?:Updated|Published|Posted)\s*:?\s*)?(?:\d+|an?|one|a few)\s+(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|y|years?)\s+ago\.?$/i, 'relative-time'],
  [/^\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s+read$/i, 'reading-time'],
  [/^(?:Last\s+)?(?:Updated|Published|Posted)\b\s*:?\s*(?=.*\d)[^.]{0,60}(?:\.\d+)?$/i, 'updated-at'],
  [/^(?:just now|yesterday|today)$/i, 'relative-time'],
]);

const COMMENT_RULES: readonly CompiledRule[] = compile([
  [/^(?:\d+\s+)?comments?(?:\s*\(\d+\))?:?$/i, 'comments-heading'],
  [/^no comments(?: yet)?\b.{0,40}$/i, 'no-comments'],
  [/^(?:leave|add|post|write|view|show|hide|load|read|see)(?: a| all| the| \d+)? (?:comments?|repl(?:y|ies))\b.{0,40}$/i, 'comment-prompt'],
  [/^(?:be the first to comment|join the (?:conversation|discussion))\b.{0,40}$/i, 'comment-prompt'],
]);

const PROMO_RULES: readonly CompiledRule[] = compile([
  [/^try (?:our|the)\b.{0,40}\b(?:features?|app|premium|for free|free)\b.{0,20}$/i, 'try-features'],
  [/^explore what\b.{0,60}\bcan do for you\b.{0,5}$/i, 'explore-features'],
  [/^(?:sign up|subscribe|register)\b.{0,80}\bnewsletters?\b.{0,40}$/i, 'newsletter'],
  [/^(?:get|receive)\b.{0,60}\b(?:newsletter|in your inbox)\b.{0,40}$/i, 'newsletter'],
  [/^subscribe(?: now| today| here| for \S+| to (?:our|the) \S+(?: \S+)?)?[.!]?$/i, 'subscribe'],
  [/^(?:download|get|install) (?:our|the)(?: free)?(?: \S+)? app\b.{0,60}$/i, 'app-download'],
  [/^follow (?:us|\S+(?: \S+)?) on (?:twitter|x|facebook|telegram|instagram|youtube|tiktok|whatsapp|google news)\b.{0,40}$/i, 'follow-us'],
]);

/** The two Unicode-class patterns have needs: they are costly to compile and to run, and rarely needed. */
const NAVIGATION_RULES: readonly CompiledRule[] = compile([
  [/^(?:hashtags|tags|topics|share|share this(?: article| story| post| page)?|share on \S+|print|e-?mail|copy link|skip to (?:main )?content|advertisement|advert|sponsored(?: content)?|menu|back to top|jump to|read in app|listen to (?:this )?article)$/i, 'page-furniture'],
  [/^(?:tags|topics|filed under)\s*:\s*\S/i, 'tags'],
  [/^(?:#[\p{L}\p{N}_]+[\s,]*)+$/u, 'hashtags', ['#']],
  [/^(?:read|see|click|watch|listen|tap|find out more)\b.{0,50}\b(?:here|below)[.!:]?$/i, 'link-prompt'],
  [/^[\p{L}\p{N} .&'’-]{1,40}(?:\s*[›»>]\s*[\p{L}\p{N} .&'’-]{1,40})+$/u, 'breadcrumb', ['›', '»', '>']],
  [/^Home\s*[/|›»>]\s*\S/i, 'breadcrumb'],
]);

/** Headings that open a section of links and teasers rather than article text. */
export const RELATED_HEADING =
  /^(?:related(?: articles?| stories| news| coverage| content| reading| posts| videos| links| topics)?|read more|read next|read also|also read|more (?:stories|news|articles|videos)(?: from \S+(?: \S+){0,3})?|more on this (?:story|topic)|recommended(?: for you| stories| articles| reading)?|you (?:may|might) also (?:like|be interested in)|see also|further reading|external links|references|most (?:read|popular|viewed)|trending(?: now| stories)?|what to read next|editor'?s picks|top stories)\s*:?$/i;

/** "More from Reuters", "More From The Guardian": an outlet's name, not "More from the call". */
const MORE_FROM_OUTLET = letterPattern(/^More [Ff]rom (?:(?:The|the) )?\p{Lu}[\p{L}\p{N}.&'’-]*(?: \p{Lu}[\p{L}\p{N}.&'’-]*){0,3}:?$/u);

/** "More from Reuters", "More From The Guardian" (MORE_FROM_OUTLET). */
export function isMoreFromOutlet(text: string): boolean {
  return patternFor(MORE_FROM_OUTLET, hasOnlyAsciiLetters(text)).test(text);
}

const INFOBOX = /^(?:\{\{\s*)?infobox\b/i;
const FIELD = letterPattern(/^[\p{L}][\p{L}\p{N} ()_'’-]{0,30}:(?:\s|$)/u);

function firstMatch(text: string, rules: readonly CompiledRule[], kind: BoilerplateKind): Verdict | null {
  const asciiLetters = hasOnlyAsciiLetters(text);
  for (const [pattern, rule, needs] of rules) if (mayMatch(text, needs) && patternFor(pattern, asciiLetters).test(text)) return { kind, rule };
  return null;
}

/** The verdict on one block from its own text. Long prose is never furniture, so most rules need short lines. */
export function lineVerdict(text: string): Verdict | null {
  const short = text.length <= 120;
  if (short && (RELATED_HEADING.test(text) || isMoreFromOutlet(text))) return { kind: 'related', rule: 'related-heading' };
  if (short && INFOBOX.test(text)) return { kind: 'infobox', rule: 'infobox' };
  return (
    (text.length <= 300 ? firstMatch(text, STANDARDS_RULES, 'standards') : null) ??
    captionVerdict(text) ??
    bylineVerdict(text) ??
    (short
      ? (firstMatch(text, TIMESTAMP_RULES, 'timestamp') ??
        firstMatch(text, COMMENT_RULES, 'comments') ??
        firstMatch(text, PROMO_RULES, 'promo') ??
        firstMatch(text, NAVIGATION_RULES, 'navigation'))
      : null)
  );
}

// ─── rules that look at neighbours ───────────────────────────────────────────

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** "…, in Moscow, Jan. 24, 2025." — photo captions end on a place and a full date. */
const ENDS_WITH_DATE = new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4}\\.?$`);
const BIO_CONTINUATION = /^(?:He|She|They)\s+(?:previously|also|has|had|was|is|joined|covers|covered|writes|wrote|worked|spent|helps|reports|holds|studied|graduated)\b/;

function isShortLabel(text: string): boolean {
  return text.length <= 40 && wordCount(text) <= 4 && !ENDS_SENTENCE.test(text) && !/[,:;]$/.test(text);
}

/** Adds the verdicts that depend on neighbouring blocks. Mutates and returns `verdicts`. */
export function applyContextRules(blocks: readonly BlockView[], verdicts: (Verdict | null)[]): (Verdict | null)[] {
  const n = blocks.length;
  for (let i = 0; i < n; i++) {
    const block = blocks[i]!;
    const verdict = verdicts[i];
    // A caption is the line above a credit: "X does Y in City, Country, Jan. 24, 2025."
    if (
      !verdict &&
      verdicts[i + 1]?.kind === 'credit' &&
      block.kind !== 'heading' &&
      block.text.length <= 500 &&
      ENDS_WITH_DATE.test(block.text)
    ) {
      verdicts[i] = { kind: 'caption', rule: 'caption-before-credit' };
    }
    if (verdict?.rule === 'author-bio') {
      // The outlet line above a bio ("Thomson Reuters").
      const above = blocks[i - 1];
      if (above && !verdicts[i - 1] && isShortLabel(above.text)) verdicts[i - 1] = { kind: 'byline', rule: 'bio-outlet' };
      // "She previously worked…" on its own line.
      for (let j = i + 1; j < n && !verdicts[j] && BIO_CONTINUATION.test(blocks[j]!.text); j++) {
        verdicts[j] = { kind: 'byline', rule: 'bio-continuation' };
      }
    }
    if (verdict?.kind === 'infobox' && verdict.rule === 'infobox') {
      for (let j = i + 1; j < n && blocks[j]!.kind !== 'heading' && patternFor(FIELD, hasOnlyAsciiLetters(blocks[j]!.text)).test(blocks[j]!.text); j++) {
        if (blocks[j]!.text.length > 200) break;
        verdicts[j] ??= { kind: 'infobox', rule: 'infobox-field' };
      }
    }
  }
  // Related sections run to the end, or to the next marked-up heading of the same or a higher rank.
  for (let i = 0; i < n; i++) {
    if (verdicts[i]?.rule !== 'related-heading') continue;
    const rank = blocks[i]!.explicit ? (blocks[i]!.level ?? 1) : Infinity;
    let j = i + 1;
    for (; j < n; j++) {
      const next = blocks[j]!;
      if (next.kind === 'heading' && next.explicit && (next.level ?? 1) <= rank && verdicts[j]?.rule !== 'related-heading') break;
      verdicts[j] ??= { kind: 'related', rule: 'related-section' };
    }
    i = j - 1;
  }
  return verdicts;
}
