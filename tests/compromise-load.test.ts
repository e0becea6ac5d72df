/**
 * compromise is loaded only before something is extracted (compromise-model.ts): importing
 * the program does not build its lexicon, and using it unloaded fails loudly instead of
 * tagging nothing. Run in a child process: the test setup loads it for every test file.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('loading compromise', () => {
  it('is not done by importing the CLI and the pipeline; extracting before it throws; after it, works', () => {
    const script = `
      const model = await import('./src/extract/entity/compromise-model.ts');
      await import('./src/cli.ts');
      await import('./src/pipeline.ts');
      let before = 'no error';
      try { model.nlp('Jim Smith said so.'); } catch (error) { before = error.message; }
      await model.loadCompromise();
      console.log(JSON.stringify({ before, after: model.nlp('Jim Smith said so.').has('#Person') }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ before: 'compromise is not loaded: await loadCompromise() before extracting', after: true });
  });

  it('no module of the program imports it but through loadCompromise (a static import would build its lexicon at start-up)', () => {
    const files = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:ts|mjs)$/.test(f));
    const staticImports = files.filter((f) => /^import\s+(?!type\b)[^;]*from\s+'compromise'/m.test(readFileSync(path.join(ROOT, 'src', f), 'utf8')));
    expect(files.length).toBeGreaterThan(50);
    expect(staticImports).toEqual([]);
  });
});
