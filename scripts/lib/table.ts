/** Markdown tables and number formatting for the benchmark and evaluation reports. */

export type Align = 'left' | 'right';

/**
 * A GitHub-flavoured Markdown table, columns padded so it also reads as plain text.
 * `|` inside cells is escaped; missing cells are empty.
 */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const cells = [headers, ...rows].map((row) => headers.map((_, i) => escape(row[i] ?? '')));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((row) => row[i]!.length)));
  const pad = (cell: string, i: number): string => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!));
  const line = (row: readonly string[]): string => `| ${row.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

/** 0.8123 → "81.2" (percent, one decimal). */
export function pct(x: number): string {
  return Number.isFinite(x) ? (100 * x).toFixed(1) : 'n/a';
}

/** Milliseconds, scaled to a readable unit: "850 ms", "12.3 s", "4.2 min". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** Bytes → "12.3 MB" (10^6, as throughput figures usually are). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Kilobytes of resident memory (as getrusage reports them) → "512 MB" / "3.4 GB" (2^20 / 2^30). */
export function memory(kilobytes: number): string {
  if (!Number.isFinite(kilobytes) || kilobytes <= 0) return 'n/a';
  const mb = kilobytes / 1024;
  return mb < 1024 ? `${mb.toFixed(0)} MB` : `${(mb / 1024).toFixed(2)} GB`;
}

/** A rate with 3 significant digits at most: 1234.5 → "1,235", 12.345 → "12.3". */
export function rate(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** "1.74×" */
export function ratio(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a';
}
