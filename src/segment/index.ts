/**
 * Segmentation: an article's body → blocks (headings, paragraphs, list items,
 * lines) → sentences, every one a span into the raw `article.text`, with each
 * block judged content or boilerplate (captions, bios, related teasers, …).
 *
 * Only `article.body` is read, so YAML front matter and a BOM are never blocks.
 * Everything is linear in the body length: one pass to build blocks, bounded
 * look-ahead to classify them, one linear scan per block for sentences.
 *
 * A cold pass (a fresh process, as the CLI runs) was mostly V8 compiling: the photo-credit
 * regex alone cost ~20–45 ms to compile, now a small parser (credits.ts); rules with Unicode
 * letter classes read through their ASCII copies where a line's letters are ASCII
 * (ascii-letters.ts); every draft has one shape and the sentence scanner tests ASCII letters
 * by code. Benchmark corpus, the CLI's per-article order, --no-turbo-inlining, medians of 8
 * fresh-process pairs: cold 0.41 → 0.31 s CPU; CLI stage timer (--jobs 1) 0.45 → 0.32 s.
 */
import type { Article, Block, BlockKind, SegmentedArticle, Sentence } from '../types.ts';
import { applyContextRules, isMoreFromOutlet, lineVerdict, RELATED_HEADING, type BlockView, type Verdict } from './boilerplate.ts';
import { markdownDrafts, plainTextDrafts, type DraftBlock } from './blocks.ts';
import { splitSentences } from './sentences.ts';
import { wordCount } from './spans.ts';

export { splitSentences } from './sentences.ts';
export { lineVerdict, isCreditLine, isBio } from './boilerplate.ts';

const SECTION_LABEL =
  /^(?:summary|key points|highlights|at a glance|background|timeline|factbox|fact box|analysis|what we know|comments|hashtags|context)$/i;
const ENDS_SENTENCE = /[.!?…]["”’')\]]?$/;
/** Verdicts that make a line a caption or page furniture rather than a section title. */
const NEVER_HEADINGS = new Set(['caption', 'credit', 'timestamp', 'standards', 'infobox']);
/** Verdicts skipped when looking below a title for its content (a photo sits between a title and its text). */
const SKIPPED_BELOW_TITLE = new Set(['caption', 'credit', 'timestamp']);
const LOOK_AHEAD = 4;


/** Short, capitalized, no closing punctuation: "Meetings", "Breaking the silence", "BILL CLINTON". */
function isTitleLike(text: string, isFirst: boolean): boolean {
  if (text.length > 80 || wordCount(text) > 12) return false;
  if (/[|/@©]/u.test(text)) return false;
  if (!/^[\p{Lu}\p{N}"“‘']/u.test(text)) return false;
  const last = text[text.length - 1]!;
  if (last === '?') return isFirst; // an article title may ask a question
  return !/[.,;:!…"”’'\]]/.test(last);
}

function isProse(text: string): boolean {
  return text.length >= 100 || (ENDS_SENTENCE.test(text) && wordCount(text) >= 6);
}

/** Kinds for the lines the block builder left open: heading, paragraph or line. */
function classifyKinds(drafts: readonly DraftBlock[], texts: readonly string[], verdicts: readonly (Verdict | null)[]): BlockKind[] {
  const followedByContent = (i: number): boolean => {
    for (let j = i + 1; j < drafts.length && j <= i + LOOK_AHEAD; j++) {
      const verdict = verdicts[j];
      if (verdict && SKIPPED_BELOW_TITLE.has(verdict.kind)) continue;
      const next = drafts[j]!;
      if (next.kind === 'heading') return false;
      return next.kind === 'list-item' || next.kind === 'paragraph' || isProse(texts[j]!);
    }
    return false;
  };
  return drafts.map((draft, i) => {
    if (draft.kind) return draft.kind;
    const text = texts[i]!;
    const verdict = verdicts[i];
    const titleLike = isTitleLike(text, i === 0) && !(verdict && NEVER_HEADINGS.has(verdict.kind));
    if (titleLike && (SECTION_LABEL.test(text) || RELATED_HEADING.test(text) || isMoreFromOutlet(text) || followedByContent(i))) return 'heading';
    return isProse(text) ? 'paragraph' : 'line';
  });
}

/** Blocks of the article body, classified, with headings linked and boilerplate judged. */
export function segmentBlocks(article: Article): { blocks: Block[]; drafts: DraftBlock[] } {
  const { text, body } = article;
  const drafts = article.format === 'markdown' ? markdownDrafts(text, body) : plainTextDrafts(text, body);
  const texts = drafts.map((d) => text.slice(d.content.start, d.content.end));
  const ownVerdicts = texts.map(lineVerdict);
  const kinds = classifyKinds(drafts, texts, ownVerdicts);
  // One shape for every view (level undefined when there is none): the rules reading them stay monomorphic.
  const views: BlockView[] = drafts.map((d, i) => ({ text: texts[i]!, kind: kinds[i]!, level: d.level, explicit: d.explicit }));
  const verdicts = applyContextRules(views, ownVerdicts.slice());

  // Open headings, outermost first; a guessed heading (no level) ranks below every marked-up one.
  const open: { index: number; rank: number }[] = [];
  const blocks = drafts.map((draft, index): Block => {
    const kind = kinds[index]!;
    let heading: number | null = open.length ? open[open.length - 1]!.index : null;
    if (kind === 'heading') {
      const rank = draft.level ?? 99;
      while (open.length && open[open.length - 1]!.rank >= rank) open.pop();
      heading = open.length ? open[open.length - 1]!.index : null;
      open.push({ index, rank });
    }
    return {
      start: draft.start,
      end: draft.end,
      index,
      kind,
      ...(draft.level !== undefined ? { level: draft.level } : {}),
      heading,
      boilerplate: verdicts[index] ? { kind: verdicts[index].kind, rule: verdicts[index].rule } : null,
    };
  });
  return { blocks, drafts };
}

export function segment(article: Article): SegmentedArticle {
  const { blocks, drafts } = segmentBlocks(article);
  const sentences: Sentence[] = [];
  for (let index = 0; index < drafts.length; index++) {
    const content = drafts[index]!.content;
    for (const span of splitSentences(article.text, content.start, content.end)) {
      sentences.push({ start: span.start, end: span.end, index: sentences.length, block: index });
    }
  }
  return { article, blocks, sentences };
}

/** The sentences of content blocks: what the extraction stages read. */
export function contentSentences(seg: SegmentedArticle): Sentence[] {
  return seg.sentences.filter((sentence) => seg.blocks[sentence.block]?.boilerplate === null);
}
