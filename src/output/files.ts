/**
 * The output files of a run other than mentions.jsonl (written as articles are
 * processed), each as a producer of chunks: nothing is ever one string (V8 caps strings
 * at ~512 MB; at 100k articles events.json passed it, at 1M report.md did). Shared by
 * the CLI and the benchmark, so both write exactly the same way.
 */
import { eventsCsvChunks } from '../report/csv.ts';
import type { ReportInput } from '../report/format.ts';
import { reportHtmlChunks } from '../report/html.ts';
import { reportMarkdownChunks } from '../report/markdown.ts';
import { changesMarkdownChunks, type Changes } from '../review/changes.ts';
import { claimsJsonlChunks, datasetJsonChunks, jsonChunks } from './serialize.ts';

export type OutputFile = [name: string, produce: () => Iterable<string>];

export function outputFiles(input: ReportInput, changes: Changes): OutputFile[] {
  const { dataset, claims } = input;
  return [
    ['events.json', () => datasetJsonChunks(dataset)],
    ['events.csv', () => eventsCsvChunks(dataset)],
    ['claims.jsonl', () => claimsJsonlChunks(claims)],
    ['report.md', () => reportMarkdownChunks(input)],
    ['report.html', () => reportHtmlChunks(input)],
    ['changes.md', () => changesMarkdownChunks(changes)],
    [
      'changes.json',
      function* () {
        // Depth 3: one chunk per listed source, event or change (at depth 2 each list was one
        // string: 56 MB for the 300k sources of a first run, growing with the dump).
        yield* jsonChunks(changes, 3);
        yield '\n';
      },
    ],
  ];
}
