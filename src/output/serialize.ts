/**
 * Serializers for the machine-readable outputs. Pure: data in, string out.
 * Byte-identical reruns depend on this module: fixed key order (by construction),
 * arrays already sorted by the stages, `\n` line ends, a final newline.
 */
import { lineIndexFor } from '../text/location.ts';
import type { Article, Claim, Dataset, Mention, Problem } from '../types.ts';

export function datasetJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export function claimsJsonl(claims: readonly Claim[]): string {
  return claims
    .map((c) =>
      JSON.stringify({
        id: c.id,
        event: c.event,
        attribute: c.attribute,
        value: c.value,
        text: c.text,
        source: c.source,
        evidence: c.evidence,
        attribution: c.attribution,
        modality: c.modality,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** One line per mention: the contract's fields, then line/column and the rule that made it. */
export function mentionsJsonl(mentions: readonly Mention[], articles: readonly Article[]): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return mentions
    .map((m) => {
      const article = byId.get(m.source);
      const place = article ? lineIndexFor(article).locate(m.start) : null;
      return `${JSON.stringify({
        source: m.source,
        kind: m.kind,
        start: m.start,
        end: m.end,
        text: m.text,
        value: m.value,
        line: place ? place.line + (article!.origin.line - 1) : null,
        column: place?.column ?? null,
        rule: m.rule,
      })}\n`;
    })
    .join('');
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.severity.localeCompare(b.severity) ||
      a.message.localeCompare(b.message),
  );
}

/** `path:line: severity: message`, the form editors and CI logs understand. */
export function formatProblem(problem: Problem): string {
  const where = problem.line == null ? problem.path : `${problem.path}:${problem.line}`;
  return `${where}: ${problem.severity}: ${problem.message}`;
}
