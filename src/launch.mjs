/**
 * How `npm start` and `npm run reconcile` start the command line: from one plain-JavaScript
 * bundle of src/ and its packages (esbuild; see buildOptions), built when the sources or the
 * locked packages change and kept in node_modules/.cache/news-reconcile/. Started through tsx
 * instead, every run transpiles each module behind a loader thread: ~2.5 s of CPU on this
 * project's machine before the first article is read, most of a small run. The bundle is
 * named by a hash of every source file's content (and this folder's path and Node's version),
 * so an edit is picked up by the next run, and runs of one version share one file.
 * The worker threads' bundle (`--jobs`) is built at the same time, `worker-<key>.mjs` next to
 * `cli-<key>.mjs`, and its URL baked into the CLI's: without it every run that starts threads
 * built its own: an esbuild process, ~0.45 s wall and ~0.6 s CPU beside the analysing main
 * thread, and on the ECB+/GVC corpus (`--jobs 2`, a busy 2-core host) the threads started
 * 1.5–2.4 s after the process instead of 2.4–3.8 s, before the main thread's first article.
 * Any failure to build them (no esbuild, a read-only node_modules) falls back to tsx: slower
 * start, same results. `NEWS_RECONCILE_BUNDLE=0` forces tsx (the threads' bundle is then
 * built by src/cache.ts); `NEWS_RECONCILE_BUNDLE_DIR` puts the bundles elsewhere (tests).
 *
 * Plain JavaScript on purpose: it must run before anything can compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SRC_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(SRC_DIR);
const BUNDLE_DIR = process.env.NEWS_RECONCILE_BUNDLE_DIR || path.join(ROOT, 'node_modules', '.cache', 'news-reconcile');
/** Bundles of other versions older than this are removed when a new one is written (a run of that version may still be starting). */
const STALE_MS = 10 * 60 * 1000;

/** Every file under src/ that can end up in the bundle, as paths relative to src/, sorted. */
function sourceFiles(dir = SRC_DIR, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...sourceFiles(path.join(dir, entry.name), relative));
    else if (/\.(?:ts|mts|mjs|js|json)$/.test(entry.name)) out.push(relative);
  }
  return out.sort();
}

/** What the bundle depends on: the sources, the locked package versions, this folder, Node. */
function bundleKey() {
  const hash = createHash('sha256');
  hash.update(`${SRC_DIR}\0${process.version}\0`);
  for (const file of sourceFiles()) hash.update(`${file}\0`).update(readFileSync(path.join(SRC_DIR, file))).update('\0');
  for (const file of ['package.json', 'package-lock.json']) {
    try {
      hash.update(readFileSync(path.join(ROOT, file)));
    } catch {
      hash.update(`no ${file}`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

const esbuildTarget = () => `node${process.versions.node.split('.')[0]}`;

/**
 * One entry bundled whole, packages inlined: Node then loads one file. Importing packages
 * from node_modules instead (compromise's ESM entry is its source tree, hundreds of modules)
 * cost ~0.8 s more CPU at every start (`--help`: 1.4–1.8 s against 0.6–0.8 s) and ~0.6 s more
 * per worker thread; outputs are the same either way (seeds, benchmark corpus). The same
 * options as src/cache.ts's workerBundle, which builds the worker's when not started from here.
 */
function buildOptions(entry, define) {
  return {
    entryPoints: [path.join(SRC_DIR, entry)],
    write: false,
    outfile: entry.replace(/\.ts$/, '.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: esbuildTarget(),
    logLevel: 'silent',
    external: ['esbuild'], // cache.ts imports it to build the worker bundle when started without this launcher
    // The bundle does not live in src/: modules that locate source files read this instead of import.meta.url (src/paths.ts).
    define: { __NEWS_RECONCILE_SRC_DIR__: JSON.stringify(SRC_DIR), ...define },
    // CommonJS dependencies (string-similarity) call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
}

/** Writes `text` to `file` through a temporary file: a concurrent run never loads half a file. */
function writeAtomically(file, text) {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/**
 * The CLI bundle's path, built first (with the worker threads' bundle next to it, same key)
 * when either is missing; null when they cannot be built.
 */
async function bundle() {
  const key = bundleKey();
  const file = path.join(BUNDLE_DIR, `cli-${key}.mjs`);
  const workerFile = path.join(BUNDLE_DIR, `worker-${key}.mjs`);
  try {
    statSync(workerFile);
    statSync(file);
    return file;
  } catch {
    // not built yet
  }
  const esbuild = await import('esbuild');
  const [cli, worker] = await Promise.all([
    esbuild.build(buildOptions('cli.ts', { __NEWS_RECONCILE_WORKER_BUNDLE__: JSON.stringify(pathToFileURL(workerFile).href) })),
    esbuild.build(buildOptions('worker.ts', {})),
  ]);
  mkdirSync(BUNDLE_DIR, { recursive: true });
  writeAtomically(workerFile, worker.outputFiles[0].text); // first: a run that finds the CLI bundle finds its worker's
  writeAtomically(file, cli.outputFiles[0].text);
  for (const name of readdirSync(BUNDLE_DIR)) {
    const other = path.join(BUNDLE_DIR, name);
    // Other versions' bundles, and temporary files a killed build left.
    if (other === file || other === workerFile || !/^(?:cli|worker)-[0-9a-f]{16}\.mjs(?:\.\d+\.tmp)?$/.test(name)) continue;
    try {
      if (Date.now() - statSync(other).mtimeMs > STALE_MS) rmSync(other, { force: true });
    } catch {
      // removed meanwhile by a concurrent run
    }
  }
  return file;
}

async function loadCli() {
  if (process.env.NEWS_RECONCILE_BUNDLE !== '0') {
    const file = await bundle().catch(() => null);
    if (file) return import(pathToFileURL(file).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(SRC_DIR, 'cli.ts')).href);
}

(await loadCli()).run(process.argv.slice(2));
