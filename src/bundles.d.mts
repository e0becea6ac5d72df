/** Types of src/bundles.mjs (plain JavaScript: the launcher runs it before TypeScript can be compiled). */
export interface BundleFiles {
  /** The command line's bundle (src/cli.ts). */
  cli: string;
  /** The worker threads' bundle (src/worker.ts). */
  worker: string;
}

/** The bundles' paths, built first when missing (`cli: false`: the worker's only). Rejects when they cannot be built. */
export function ensureBundles(options?: { cli?: boolean }): Promise<BundleFiles>;
