/**
 * Rule B (index.ts): an undated mention naming two or more people joins the one event of
 * its type with those people dated within ±UNDATED_WINDOW_DAYS of its article's
 * publication. Its candidates are looked up by type, person and day (RuleBIndex), not by
 * scanning every group naming the person: the window's edges must be where they were.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, UNDATED_WINDOW_DAYS } from '../src/reconcile/index.ts';
import { day, doc, mention, PUTIN, TRUMP } from './reconcile-helpers.ts';

const TP = [TRUMP, PUTIN];

/** YYYY-MM-DD shifted by whole days. */
const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** One undated call report published on `published`, and dated calls of the same pair, one article each. */
function run(published: string, callDays: readonly string[]) {
  const report = doc('report', { outlet: 'R', published }, ['Analysis: what Trump and Putin agreed in their phone call.']);
  const undated = mention(report, 0, { type: 'phone_call', participants: TP, trigger: 'phone' });
  const calls = callDays.map((date, i) => {
    const d = doc(`call${String(i).padStart(4, '0')}`, { outlet: `O${i}`, published: date }, ['Trump and Putin spoke by phone.']);
    return { d, m: mention(d, 0, { type: 'phone_call', time: day(date), participants: TP }) };
  });
  const r = reconcile({ articles: [report.article, ...calls.map((c) => c.d.article)], events: [undated, ...calls.map((c) => c.m)], claims: [] });
  const event = r.events.find((e) => e.mentions.includes(undated.id))!;
  // The date of the event rule B joined it to (other rules, such as the story steps', are not asked here).
  const byRuleB = event.mergeReasons.some((m) => m.reasons.some((x) => x.label.startsWith('no date; the only phone_call')));
  return { joined: byRuleB ? event.date : null };
}

describe('rule B: the only event with those participants near publication', () => {
  it.each([-UNDATED_WINDOW_DAYS, -1, 0, 2, UNDATED_WINDOW_DAYS])('joins a call %i days from publication', (offset) => {
    expect(run('2025-03-18', [shift('2025-03-18', offset)]).joined).toBe(shift('2025-03-18', offset));
  });

  it.each([-UNDATED_WINDOW_DAYS - 1, UNDATED_WINDOW_DAYS + 1, 400])('stays apart from a call %i days from publication', (offset) => {
    expect(run('2025-03-18', [shift('2025-03-18', offset)]).joined).toBeNull();
  });

  it('across a month and a year end', () => {
    expect(run('2025-01-02', ['2024-12-30']).joined).toBe('2024-12-30');
    expect(run('2025-03-01', ['2025-02-26']).joined).toBe('2025-02-26');
  });

  it('finds the one call in the window among hundreds of calls of the same pair', () => {
    const far = Array.from({ length: 300 }, (_, i) => shift('2020-01-01', i * 5));
    expect(run('2025-03-18', [...far, '2025-03-16']).joined).toBe('2025-03-16');
    expect(run('2025-03-18', [...far, '2025-03-16', '2025-03-20']).joined).toBeNull(); // two in the window: neither
  });

  it('needs a publication day', () => {
    expect(run('2025-03', ['2025-03-18']).joined).toBeNull();
  });
});
