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

/** Rows of objects as an aligned text table, for people reading a terminal. */
export function formatTable(rows: Record<string, unknown>[]): string {
  const first = rows[0];
  if (!first) return '(no rows)\n';
  const columns = Object.keys(first);
  const cell = (v: unknown) =>
    typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : visible(String(v ?? ''));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[], numeric: boolean[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const numeric = columns.map((c) => typeof first[c] === 'number');
  return `${[
    line(columns, numeric),
    ...rows.map((r) =>
      line(
        columns.map((c) => cell(r[c])),
        numeric,
      ),
    ),
  ].join('\n')}\n`;
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
