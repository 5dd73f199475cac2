import { guardFormula } from '../imports/formula-guard';

/**
 * Text Spoke did not write (a class title, an instructor's name) shown in a terminal:
 * control characters become visible `\x1b`-style escapes, so an ANSI sequence in a
 * title cannot recolour, retitle or hide what the terminal shows.
 */
export function visible(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
  }
  return out;
}

/**
 * Rows of objects as an aligned text table, for people reading a terminal. Numbers
 * are right-aligned, and a column holding any fraction shows every number with two
 * decimals, so its figures line up (`451.00` above `12218.60`, not `451`).
 */
export function formatTable(rows: Record<string, unknown>[]): string {
  const first = rows[0];
  if (!first) return '(no rows)\n';
  const columns = Object.keys(first);
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === 'number'));
  const decimals = columns.map((c) => rows.some((r) => typeof r[c] === 'number' && !Number.isInteger(r[c])));
  const cell = (v: unknown, i: number) =>
    typeof v === 'number' ? (decimals[i] ? v.toFixed(2) : String(v)) : visible(String(v ?? ''));
  const cells = rows.map((r) => columns.map((c, i) => cell(r[c], i)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(columns), ...cells.map(line)].join('\n')}\n`;
}

/** Rows of objects as RFC 4180 CSV with a header row; text formula-guarded as the exports are. */
export function formatCsv(rows: Record<string, unknown>[]): string {
  const first = rows[0];
  if (!first) return '';
  const columns = Object.keys(first);
  const quote = (v: unknown) => {
    // A name such as `=HYPERLINK(...)` must not run in the spreadsheet that opens the report.
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? guardFormula(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c])).join(','))].join('\n')}\n`;
}
