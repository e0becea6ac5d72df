/**
 * How `npm start` and `npm run reconcile` start the command line: from one plain-JavaScript
 * bundle of src/ (esbuild; the packages stay in node_modules and load as they are), built when
 * the sources change and kept in node_modules/.cache/news-reconcile/. Started through tsx
 * instead, every run transpiles each module behind a loader thread: ~2.5 s of CPU on this
 * project's machine before the first article is read, most of a small run. The bundle is
 * named by a hash of every source file's content (and this folder's path and Node's version),
 * so an edit is picked up by the next run, and runs of one version share one file.
 * Any failure to build it (no esbuild, a read-only node_modules) falls back to tsx: slower
 * start, same results. `NEWS_RECONCILE_BUNDLE=0` forces tsx; `NEWS_RECONCILE_BUNDLE_DIR`
 * puts the bundles elsewhere (tests).
 *
 * Plain JavaScript on purpose: it must run before anything can compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
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

/**
 * Packages stay out of the bundle, imported by the absolute file URLs Node resolves for them
 * from src/ (the bundle may live anywhere, and loads each package as tsx would).
 */
const packagesFromThisProject = {
  name: 'packages-from-this-project',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => ({
      path: args.path.startsWith('node:') || isBuiltin(args.path) ? args.path : import.meta.resolve(args.path),
      external: true,
    }));
  },
};

/** The bundle's path, built first when missing; null when it cannot be built. */
async function bundle() {
  const file = path.join(BUNDLE_DIR, `cli-${bundleKey()}.mjs`);
  try {
    statSync(file);
    return file;
  } catch {
    // not built yet
  }
  const esbuild = await import('esbuild');
  const built = await esbuild.build({
    entryPoints: [path.join(SRC_DIR, 'cli.ts')],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    logLevel: 'silent',
    plugins: [packagesFromThisProject],
    // The bundle does not live in src/: modules that locate source files read this instead of import.meta.url (src/paths.ts).
    define: { __NEWS_RECONCILE_SRC_DIR__: JSON.stringify(SRC_DIR) },
  });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, built.outputFiles[0].text);
  renameSync(partial, file); // atomic: a concurrent run never loads half a file
  for (const name of readdirSync(BUNDLE_DIR)) {
    const other = path.join(BUNDLE_DIR, name);
    if (other !== file && /^cli-[0-9a-f]{16}\.mjs$/.test(name) && Date.now() - statSync(other).mtimeMs > STALE_MS) rmSync(other, { force: true });
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
