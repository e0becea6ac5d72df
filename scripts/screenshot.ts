/**
 * Screenshot of a generated report.html in headless Chromium (for the README).
 *
 *   npx tsx scripts/screenshot.ts [output/report.html] [docs/report.png]
 *
 * Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through
 * playwright-core; the page is opened from a file:// URL with the network unused.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, sandbox-less headless run (CI containers). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH}: Chromium not found (set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface ScreenshotOptions {
  width?: number;
  height?: number;
  /** The whole page rather than the first screen. */
  fullPage?: boolean;
}

export async function screenshotReport(htmlPath: string, pngPath: string, options: ScreenshotOptions = {}): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      deviceScaleFactor: 1,
    });
    await page.goto(pathToFileURL(path.resolve(htmlPath)).href);
    await page.screenshot({ path: pngPath, fullPage: options.fullPage ?? false });
  } finally {
    await browser.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '');
if (invokedDirectly) {
  const [htmlPath = 'output/report.html', pngPath = 'docs/report.png'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const height = Number(/^--height=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--height=')) ?? '')?.[1] ?? NaN);
  screenshotReport(htmlPath, pngPath, { fullPage: process.argv.includes('--full'), ...(height > 0 ? { height } : {}) }).then(
    () => process.stderr.write(`screenshot: ${pngPath}\n`),
    (error: unknown) => {
      process.stderr.write(`screenshot: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
