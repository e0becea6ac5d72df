/**
 * Each article's headline and lead as the story step reads them (stories.ts): its words
 * (term ids and counts, for TF-IDF) and the capitalised names in it (name ids), read once
 * per reconciliation for both linkStories and adoptStories and held as numbers in a few
 * shared typed arrays, not as text: the lead text itself is cut again from the article
 * when a pass needs it (a few small stories do).
 */
import type { Article } from '../types.ts';
import { termCounts } from '../eval/tfidf.ts';
import { IntList, type TermCountSource, Vocabulary } from './lead-vectors.ts';

/** Characters of the body read as its lead (after the title). */
export const LEAD_CHARS = 1200;

/** The headline and lead of an article: its title plus the start of its body, cut at a line or sentence end. */
export function leadText(article: Article): string {
  const body = article.text.slice(article.body.start, article.body.end);
  let lead = body.slice(0, LEAD_CHARS);
  const cut = Math.max(lead.lastIndexOf('\n'), lead.lastIndexOf('. '));
  if (body.length > LEAD_CHARS && cut > LEAD_CHARS / 2) lead = lead.slice(0, cut + 1);
  const title = article.meta.title ?? '';
  return title && !lead.startsWith(title) ? `${title}\n${lead}` : lead;
}

/** Capitalised words not at a line start: names ("Jackman", "Bloomington"), lower-cased. */
function capitalisedNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{Ll},;]\s+)\p{Lu}[\p{Ll}'’-]{2,}/gu)) out.add(m[0].toLowerCase());
  return out;
}

/**
 * Each article's lead words and names, read once per reconciliation: linkStories and
 * adoptStories both read them (pass one instance to both). Lives for one run, so it holds
 * no article after it. An article is a slot: its words are `termIds`/`termCounts`
 * [termFrom, termTo), its names `nameIds` [nameFrom, nameTo) sorted by id (a set).
 */
export class LeadTexts {
  /** Lead words (TF-IDF terms). */
  readonly terms = new Vocabulary();
  /** Capitalised names, lower-cased. */
  readonly names = new Vocabulary();
  private readonly slots = new Map<Article, number>();
  private readonly termIdList = new IntList();
  private readonly termCountList = new IntList();
  private readonly nameIdList = new IntList();
  /** Per slot: termFrom, termTo, nameFrom, nameTo. */
  private readonly bounds = new IntList();

  /** The article's slot, its lead read on first use. */
  slot(article: Article): number {
    let slot = this.slots.get(article);
    if (slot !== undefined) return slot;
    slot = this.slots.size;
    this.slots.set(article, slot);
    const lead = leadText(article);
    this.bounds.push(this.termIdList.length);
    for (const [term, count] of termCounts(lead)) {
      this.termIdList.push(this.terms.id(term));
      this.termCountList.push(count);
    }
    this.bounds.push(this.termIdList.length);
    const ids = [...capitalisedNames(lead)].map((name) => this.names.id(name)).sort((x, y) => x - y);
    this.bounds.push(this.nameIdList.length);
    for (const id of ids) this.nameIdList.push(id);
    this.bounds.push(this.nameIdList.length);
    return slot;
  }

  /** The term counts of these slots, in this order (the documents of one TF-IDF set). */
  termCountsOf(slots: readonly number[]): TermCountSource {
    return {
      ids: this.termIdList.data,
      counts: this.termCountList.data,
      from: slots.map((s) => this.bounds.data[4 * s]!),
      to: slots.map((s) => this.bounds.data[4 * s + 1]!),
    };
  }

  /** The name ids of a slot's lead (sorted, distinct): `nameIds` [from, to). */
  get nameIds(): Int32Array {
    return this.nameIdList.data;
  }

  nameFrom(slot: number): number {
    return this.bounds.data[4 * slot + 2]!;
  }

  nameTo(slot: number): number {
    return this.bounds.data[4 * slot + 3]!;
  }

  /** The lead's text, cut from the article again (not kept). */
  lead(article: Article): string {
    return leadText(article);
  }
}
