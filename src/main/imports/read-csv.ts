import { parse } from 'csv-parse/sync';
import { UserError } from '../errors';

export type CsvRecord = { line: number; fields: string[] };
export type CsvTable = { header: string[]; records: CsvRecord[] };

/**
 * Reads a CSV file's bytes as RFC 4180 (quoted commas, quotes and newlines; UTF-8
 * with or without BOM; LF or CRLF). Line numbers are the file's physical lines,
 * the header being line 1. Refuses binary and non-UTF-8 input before parsing.
 */
export function readCsv(bytes: Buffer, fileName: string): CsvTable {
  if (
    bytes.length === 0 ||
    bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim() === ''
  ) {
    throw new UserError(`${fileName} is empty: expected a header row and at least one workout.`, 'bad_input');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new UserError(
      `${fileName} is not a CSV file (binary data on line ${lineAt(bytes, nul)}).`,
      'bad_input',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(
      `${fileName} is not UTF-8 text: save it as CSV (UTF-8) and import it again.`,
      'bad_input',
    );
  }
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    const reason = e.message.replace(/^Invalid (Opening|Closing) Quote: /, '').split(':')[0];
    throw new UserError(`${fileName} line ${e.lines ?? '?'}: malformed CSV (${reason}).`, 'bad_input');
  }
  const records = parsed.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, field) => n + countNewlines(field), 0),
    fields: record,
  }));
  const [head, ...rest] = records;
  if (!head) throw new UserError(`${fileName} is empty: expected a header row.`, 'bad_input');
  return { header: head.fields.map((h) => h.trim()), records: rest };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}
