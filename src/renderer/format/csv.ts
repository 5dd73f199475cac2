// A spreadsheet runs a cell starting with = + - @ (or a tab/return) as a formula:
// a crafted class title could then run in whoever opens the export. Such text cells
// get a leading apostrophe; numbers are left alone.
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of objects → RFC 4180 CSV, columns in first-seen order. */
export function toCsv(rows: readonly object[]): string {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    lines.push(columns.map((column) => cell(record[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
