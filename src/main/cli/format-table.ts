/** Rows of objects as an aligned text table, for people reading a terminal. */
export function formatTable(rows: Record<string, unknown>[]): string {
  const first = rows[0];
  if (!first) return '(no rows)\n';
  const columns = Object.keys(first);
  const cell = (v: unknown) =>
    typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v ?? '');
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

/** Rows of objects as RFC 4180 CSV with a header row. */
export function formatCsv(rows: Record<string, unknown>[]): string {
  const first = rows[0];
  if (!first) return '';
  const columns = Object.keys(first);
  const quote = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c])).join(','))].join('\n')}\n`;
}
