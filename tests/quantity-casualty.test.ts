/**
 * Headline casualty counts with no noun ("At least 35 killed"): a count of people
 * whose `what` is the participle, so claims can name the attribute.
 */
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../src/extract/quantity/index.ts';
import { bodySentences } from './sentences-helper.ts';
import type { Article, Mention, QuantityValue } from '../src/types.ts';
import { testArticle } from './article-helper.ts';

function extract(text: string): Mention[] {
  const article = testArticle(text, { id: 't' });
  return extractQuantities(article, bodySentences(article));
}

describe('number + casualty participle', () => {
  const positives: [string, string, Partial<QuantityValue>][] = [
    ['At least 35 killed in the strikes.', 'At least 35 killed', { min: 35, max: null, unit: 'person', what: 'killed' }],
    ['At least 20 killed.', 'At least 20 killed', { min: 20, max: null, unit: 'person', what: 'killed' }],
    ['Flooding leaves 15 dead.', '15 dead', { min: 15, max: 15, unit: 'person', what: 'dead' }],
    ['Explosion: 40 injured, 3 missing.', '40 injured', { min: 40, max: 40, unit: 'person', what: 'injured' }],
    ['Dozens arrested as more than 100 detained.', 'more than 100 detained', { min: 100, max: null, unit: 'person', what: 'detained' }],
    ['Quake: nearly 30 wounded.', 'nearly 30 wounded', { unit: 'person', what: 'wounded' }],
  ];
  it.each(positives)('%s → %s', (text, phrase, value) => {
    const m = extract(text).find((x) => x.text === phrase);
    expect(m?.kind).toBe('quantity');
    expect(m?.value).toMatchObject(value);
  });

  const negatives: [string, string][] = [
    ['The 15 dead were buried on Sunday.', '15 dead'], // a reference back, not a claim
    ['In 2014 killed was a common word.', '2014 killed'], // a year
    ['He was one of the killed.', 'one'],
  ];
  it.each(negatives)('%s has no count "%s"', (text, phrase) => {
    expect(extract(text).some((x) => x.text === phrase)).toBe(false);
  });
});
