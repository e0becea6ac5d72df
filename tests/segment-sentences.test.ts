/** The sentence splitter, table-driven: where it must split and where it must not. */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/segment/sentences.ts';

function split(text: string): string[] {
  return splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
}

const SPLITS: [string, string[]][] = [
  ['The call ended. Putin spoke.', ['The call ended.', 'Putin spoke.']],
  ['Is it over? Nobody knows! Wait… Then it ended.', ['Is it over?', 'Nobody knows!', 'Wait…', 'Then it ended.']],
  ['It was “amazing.” Trump said so.', ['It was “amazing.”', 'Trump said so.']],
  ['He said "yes." Then he left.', ['He said "yes."', 'Then he left.']],
  ['It was a deal (mostly.) Talks resumed.', ['It was a deal (mostly.)', 'Talks resumed.']],
  ["Its goals were 'achieved.' The army withdrew.", ["Its goals were 'achieved.'", 'The army withdrew.']],
  ['They met at the U.S. Capitol. The talks went on.', ['They met at the U.S. Capitol.', 'The talks went on.']],
  ['Trade with the U.S. The figures fell.', ['Trade with the U.S.', 'The figures fell.']],
  ['hindered by mutual restrictions.A follow-up meeting was held.', ['hindered by mutual restrictions.', 'A follow-up meeting was held.']],
  ['capacity... This investment fuels war.', ['capacity...', 'This investment fuels war.']],
  ['The war began in 2022. 300 people died.', ['The war began in 2022.', '300 people died.']],
  ['Peace talks failed. "We will fight," he said.', ['Peace talks failed.', '"We will fight," he said.']],
  ['It ended after World War I. Vladimir Putin said so.', ['It ended after World War I.', 'Vladimir Putin said so.']],
  ['Supplies include pens, paper, etc. The list is long.', ['Supplies include pens, paper, etc.', 'The list is long.']],
  ['A\u00a0quick one.\u00a0And another.', ['A\u00a0quick one.', 'And another.']],
];

const KEEPS: string[] = [
  'A White House official said the call started at 10:00 a.m. ET.',
  'TASS, the Russia news agency, said at about 12:35 p.m. ET that it was over.',
  'The two leaders have been talking since about 10 a.m. ET (1400 GMT).',
  'Mr. Smith met Dr. Jones and Gen. Petraeus.',
  'Sen. Graham and Rep. Wilson spoke with Gov. Abbott.',
  'President John F. Kennedy met Nikita Khrushchev.',
  'George W. Bush met Putin in Slovenia.',
  'The ruble rose by 3.7 percent to 90.50 rubles.',
  'On Jan. 24, 2025, in Washington, D.C., Trump spoke.',
  'The attack in the St. Petersburg metro killed 14.',
  'Resolution No. 5 passed with U.K. support.',
  'It was Russia vs. Ukraine in the final.',
  'The U.S. and the U.K. agreed.',
  '“Why?” he asked.',
  'He said “wait!” and left.',
  'Iran’s strikes will continue and… will be very painful.',
  'It costs $3.50 per unit.',
  'See reuters.com for more.',
  'Visit www.example.Com today.',
];

describe('splitSentences: splits', () => {
  it.each(SPLITS)('%s', (input, expected) => {
    expect(split(input)).toEqual(expected);
  });
});

describe('splitSentences: keeps one sentence', () => {
  it.each(KEEPS)('%s', (input) => {
    expect(split(input)).toEqual([input]);
  });
});

describe('splitSentences: spans', () => {
  it('works inside a larger text and trims edges', () => {
    const text = 'xx  \r\n One. Two.\r\n yy';
    const spans = splitSentences(text, 2, text.length - 3);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['One.', 'Two.']);
  });

  it('returns nothing for whitespace only', () => {
    expect(splitSentences('  \t\r\n\uFEFF ', 0, 6)).toEqual([]);
  });

  it('is linear: a 3 MB single line splits in well under a second', () => {
    const unit = 'The talks lasted 3.7 hours. Mr. Smith went to the U.S. Capitol. Really?! ';
    const big = unit.repeat(Math.ceil(3_000_000 / unit.length));
    const started = performance.now();
    const spans = splitSentences(big, 0, big.length);
    const elapsed = performance.now() - started;
    expect(spans.length).toBe(3 * Math.ceil(3_000_000 / unit.length));
    expect(elapsed).toBeLessThan(1000);
  });

  it('is linear on a 3 MB line with no spaces (bounded look-back)', () => {
    const big = 'abc.'.repeat(750_000);
    const started = performance.now();
    expect(splitSentences(big, 0, big.length)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
