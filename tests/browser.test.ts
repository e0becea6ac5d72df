/**
 * report.html in real headless Chromium: the filters work, every conflict and quote
 * renders, hostile article markup shows as text and never runs, and the CSP lets the
 * report's own script run with no console errors. Skipped where Chromium is missing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHtml } from '../src/report/html.ts';
import { CHROMIUM_PATH, launchChromium, screenshotReport } from '../scripts/screenshot.ts';
import { buildFixture, HOSTILE_IMG, HOSTILE_SCRIPT } from './report-helpers.ts';
import { tempDir } from './temp-helper.ts';

const hasChromium = existsSync(CHROMIUM_PATH);

describe.skipIf(!hasChromium)('report.html in Chromium', () => {
  let dir: string;
  let htmlPath: string;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const fixture = buildFixture();
    // One resolved conflict, so the status filter has both kinds to tell apart.
    fixture.dataset.conflicts[0]!.resolution = { value: 'Helsinki', by: 'AB', note: null };
    dir = tempDir('report-browser-');
    htmlPath = path.join(dir, 'report.html');
    writeFileSync(htmlPath, reportHtml(fixture));

    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(htmlPath).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function visibleCards(): Promise<string[]> {
    return page.$$eval('article.conflict', (cards) =>
      cards.filter((c) => (c as unknown as { offsetParent: unknown }).offsetParent !== null).map((c) => c.getAttribute('data-conflict') ?? ''),
    );
  }

  async function clearFilters(): Promise<void> {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(visibleCards).toEqual(['cf-start', 'cf-location']);
  }

  it('renders every conflict with all its quotes visible', async () => {
    expect(await visibleCards()).toEqual(['cf-start', 'cf-location']);
    const marks = page.locator('article.conflict mark');
    expect(await marks.count()).toBe(5);
    for (let i = 0; i < 5; i++) expect(await marks.nth(i).isVisible()).toBe(true);
    expect(await page.locator('#shown-count').textContent()).toBe('2');
  });

  it.each([
    ['Severity', 'high', ['cf-start']],
    ['Severity', 'medium', ['cf-location']],
    ['Severity', 'low', []],
    ['Outlet', 'Reuters', ['cf-start', 'cf-location']],
    ['Outlet', `Evil ${HOSTILE_SCRIPT} News`, ['cf-start']],
    ['Event type', 'summit', ['cf-location']],
    ['Event type', 'phone call', ['cf-start']],
    ['Status', 'resolved', ['cf-location']],
    ['Status', 'open', ['cf-start']],
  ])('filter %s = %j shows %j', async (label, option, expected) => {
    await clearFilters();
    await page.getByLabel(label).selectOption({ label: option });
    await expect.poll(visibleCards).toEqual(expected);
    expect(await page.locator('#shown-count').textContent()).toBe(String(expected.length));
    expect(await page.locator('#no-match').isVisible()).toBe(expected.length === 0);
  });

  it('filters combine, and clearing shows everything again', async () => {
    await clearFilters();
    await page.getByLabel('Severity').selectOption('high');
    await page.getByLabel('Status').selectOption('resolved');
    await expect.poll(visibleCards).toEqual([]);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await clearFilters();
    expect(await page.locator('#no-match').isVisible()).toBe(false);
  });

  it('hostile article markup is visible as text and never runs', async () => {
    const hostileQuote = page.locator('mark', { hasText: HOSTILE_SCRIPT });
    expect(await hostileQuote.count()).toBe(1);
    expect(await hostileQuote.isVisible()).toBe(true);
    expect(await hostileQuote.textContent()).toContain(HOSTILE_IMG);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('[onerror], [onload], iframe, object, embed').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('the copy button copies (or selects) the decision snippet', async () => {
    await clearFilters();
    const button = page.locator('article[data-conflict="cf-start"] button[data-copy]');
    await button.click();
    await expect.poll(() => button.textContent()).toMatch(/^(Copied|Selected: press Ctrl\+C)$/);
    const label = await button.textContent();
    if (label?.startsWith('Selected')) {
      expect(await page.evaluate<string>('String(window.getSelection())')).toContain('"conflict": "cf-start"');
    }
  });

  it('runs its own script under the CSP with no console errors and no network', () => {
    expect(consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
  });

  it('screenshotReport writes a PNG', async () => {
    const png = path.join(dir, 'report.png');
    await screenshotReport(htmlPath, png, { width: 900, height: 600 });
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 60_000);
});
