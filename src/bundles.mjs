/**
 * The plain-JavaScript bundles the program runs from (esbuild): `cli-<key>.mjs`, the command
 * line (src/launch.mjs), and `worker-<key>.mjs`, the worker threads' entry (src/cache.ts),
 * kept in node_modules/.cache/news-reconcile/ (`NEWS_RECONCILE_BUNDLE_DIR` puts them
 * elsewhere). The key hashes every source file's content, the locked package versions, this
 * folder's path and Node's version: an edit is picked up by the next run, and runs of one
 * version share one file. One place builds both, so the two can never be built differently.
 *
 * Why bundles: started through tsx, every run transpiles each module behind a loader thread,
 * ~2.5 s of CPU on this project's machine before the first article is read (most of a small
 * run), and every worker thread again (~2 s each). Packages are inlined too: compromise's ESM
 * entry is its source tree, hundreds of modules, and importing them from node_modules cost
 * ~0.8 s more CPU at every start (`--help`: 1.4–1.8 s against 0.6–0.8 s) and ~0.6 s more per
 * thread; outputs are the same either way (seeds, benchmark corpus).
 *
 * Plain JavaScript on purpose: the launcher must run before anything can compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** src/: this module's folder, or the one baked into a bundle that inlined it (see src/paths.ts). */
const SRC_DIR =
  typeof __NEWS_RECONCILE_SRC_DIR__ === 'string' ? __NEWS_RECONCILE_SRC_DIR__ : path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(SRC_DIR);
/** Bundles of other versions older than this are removed when new ones are written (a run of that version may still be starting). */
const STALE_MS = 10 * 60 * 1000;

function bundleDir() {
  return process.env.NEWS_RECONCILE_BUNDLE_DIR || path.join(ROOT, 'node_modules', '.cache', 'news-reconcile');
}

/** Every file under src/ that can end up in a bundle, as paths relative to src/, sorted. */
function sourceFiles(dir = SRC_DIR, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...sourceFiles(path.join(dir, entry.name), relative));
    else if (/\.(?:ts|mts|mjs|js|json)$/.test(entry.name)) out.push(relative);
  }
  return out.sort();
}

/** What the bundles depend on: the sources, the locked package versions, this folder, Node. */
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

/** One entry bundled whole, packages inlined. */
function buildOptions(entry, define) {
  return {
    entryPoints: [path.join(SRC_DIR, entry)],
    write: false,
    outfile: entry.replace(/\.ts$/, '.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    logLevel: 'silent',
    external: ['esbuild'], // imported only to build bundles, never by a bundle's own work
    // A bundle does not live in src/: modules that locate source files read this instead of import.meta.url (src/paths.ts).
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
 * The paths of the bundles asked for (`cli`, `worker`), each built first when missing. The
 * CLI's has the worker's URL baked in (`__NEWS_RECONCILE_WORKER_BUNDLE__`), so asking for it
 * builds both. Throws when they cannot be built (no esbuild, a read-only folder): callers
 * fall back to tsx, slower start, same results.
 */
export async function ensureBundles({ cli = true } = {}) {
  const dir = bundleDir();
  const key = bundleKey();
  const files = { cli: path.join(dir, `cli-${key}.mjs`), worker: path.join(dir, `worker-${key}.mjs`) };
  const missing = [...(existsSync(files.worker) ? [] : ['worker']), ...(cli && !existsSync(files.cli) ? ['cli'] : [])];
  if (missing.length === 0) return files;
  const esbuild = await import('esbuild');
  const built = await Promise.all(
    missing.map((entry) =>
      esbuild.build(
        entry === 'cli'
          ? buildOptions('cli.ts', { __NEWS_RECONCILE_WORKER_BUNDLE__: JSON.stringify(pathToFileURL(files.worker).href) })
          : buildOptions('worker.ts', {}),
      ),
    ),
  );
  mkdirSync(dir, { recursive: true });
  const code = (entry) => built[missing.indexOf(entry)].outputFiles[0].text;
  // The worker's first: a run that finds the CLI's bundle finds its worker's.
  if (missing.includes('worker')) writeAtomically(files.worker, code('worker'));
  if (missing.includes('cli')) writeAtomically(files.cli, code('cli'));
  for (const name of readdirSync(dir)) {
    const other = path.join(dir, name);
    // Other versions' bundles, and temporary files a killed build left.
    if (other === files.cli || other === files.worker || !/^(?:cli|worker)-[0-9a-f]{16}\.mjs(?:\.\d+\.tmp)?$/.test(name)) continue;
    try {
      if (Date.now() - statSync(other).mtimeMs > STALE_MS) rmSync(other, { force: true });
    } catch {
      // removed meanwhile by a concurrent run
    }
  }
  return files;
}
