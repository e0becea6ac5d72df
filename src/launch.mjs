/**
 * How `npm start` and `npm run reconcile` start the command line: from the CLI's bundle
 * (src/bundles.mjs: src/ and its packages in one plain-JavaScript file, built when the sources
 * or the locked packages change), with the worker threads' bundle built beside it and its URL
 * baked in, so a run that starts threads (`--jobs`) builds nothing: without it each such run
 * built its own (an esbuild process, ~0.45 s wall and ~0.6 s CPU beside the analysing main
 * thread; on the ECB+/GVC corpus, `--jobs 2` on a busy 2-core host, the threads started 1.5–2.4 s
 * after the process instead of 2.4–3.8 s, before the main thread's first article). Any failure
 * to build them (no esbuild, a read-only node_modules) falls back to tsx: slower start, same
 * results. `NEWS_RECONCILE_BUNDLE=0` forces tsx; `NEWS_RECONCILE_BUNDLE_DIR` puts the
 * bundles elsewhere (tests).
 *
 * Plain JavaScript on purpose: it must run before anything can compile TypeScript.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBundles } from './bundles.mjs';

const SRC_DIR = path.dirname(fileURLToPath(import.meta.url));

async function loadCli() {
  if (process.env.NEWS_RECONCILE_BUNDLE !== '0') {
    const files = await ensureBundles().catch(() => null);
    if (files) return import(pathToFileURL(files.cli).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(SRC_DIR, 'cli.ts')).href);
}

(await loadCli()).run(process.argv.slice(2));
