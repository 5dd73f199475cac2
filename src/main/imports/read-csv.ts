import { parse } from 'csv-parse/sync';
import { UserError } from '../errors';
import { unguardFormula } from './formula-guard';

export type CsvRecord = { line: number; fields: string[] };
export type CsvTable = { header: string[]; records: CsvRecord[] };

type Parsed = { record: string[]; info: { bytes: number } };

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * Reads a CSV file's bytes as RFC 4180 (quoted commas, quotes and newlines; UTF-8
 * with or without BOM; LF or CRLF). Line numbers are the file's physical lines,
 * the header being line 1. Refuses empty, binary and non-UTF-8 input before
 * parsing, naming the line (and the column when there is one).
 *
 * Data fields come back with Spoke's formula guard removed (see formula-guard.ts);
 * blank lines, and lines of nothing but commas and spaces (spreadsheets save
 * those), are skipped.
 */
export function readCsv(bytes: Buffer, fileName: string): CsvTable {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (isBlank(bytes, start)) {
    throw new UserError(
      `${fileName} line 1: the file is empty; expected a header row and at least one workout. Export the file again and import the new one.`,
      'bad_input',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    const hint =
      zip || ole
        ? 'it looks like a spreadsheet workbook or an archive; open it and save it as CSV UTF-8'
        : 'choose the CSV file itself';
    throw new UserError(
      `${fileName} line ${lineAt(bytes, nul)}${columnPart(bytes, nul)}: binary data, not CSV text; ${hint}.`,
      'bad_input',
    );
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new UserError(
      `${fileName} line ${lineAt(bytes, bad)}${columnPart(bytes, bad)}: not UTF-8 text (byte 0x${(
        bytes[bad] ?? 0
      )
        .toString(16)
        .toUpperCase()
        .padStart(2, '0')}); save the file as CSV UTF-8 and import it again.`,
      'bad_input',
    );
  }
  let parsed: Parsed[];
  try {
    parsed = parse(bytes, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Parsed[];
  } catch (error) {
    throw malformed(error as CsvParseError, bytes, fileName);
  }
  // Each record starts where the previous one ended, after any blank lines; its
  // line is one more than the line feeds before that offset. (csv-parse's own line
  // count is off by one for every CRLF inside a quoted field; its byte count is not.)
  const records: CsvRecord[] = [];
  let offset = start;
  let line = 1;
  for (const { record, info } of parsed) {
    while (offset < bytes.length && (bytes[offset] === LF || bytes[offset] === CR)) {
      if (bytes[offset] === LF) line++;
      offset++;
    }
    records.push({ line, fields: record });
    for (; offset < info.bytes; offset++) if (bytes[offset] === LF) line++;
  }
  const [head, ...rest] = records;
  if (!head)
    throw new UserError(`${fileName} line 1: the file is empty; expected a header row.`, 'bad_input');
  const data: CsvRecord[] = [];
  for (const rec of rest) {
    if (rec.fields.every((f) => f.trim() === '')) continue;
    data.push({ line: rec.line, fields: rec.fields.map(unguardFormula) });
  }
  return { header: head.fields.map((h) => h.trim()), records: data };
}

type CsvParseError = Error & { code?: string; bytes?: number; column?: number };

function malformed(e: CsvParseError, bytes: Buffer, fileName: string): UserError {
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const at = unclosedQuote(bytes);
    return new UserError(
      `${fileName} line ${lineAt(bytes, at)}${columnPart(bytes, at)}: a double quote opens a field that is never closed; close it, or double a quote that is part of the text ("").`,
      'bad_input',
    );
  }
  const at = Math.min(Math.max((e.bytes ?? 1) - 1, 0), bytes.length - 1);
  const reason =
    e.code === 'INVALID_OPENING_QUOTE' || e.code === 'CSV_INVALID_CLOSING_QUOTE'
      ? 'a double quote in the middle of a field; put the whole field in double quotes and double the quotes inside it ("")'
      : `malformed CSV (${e.message.split(':')[0]})`;
  const field = typeof e.column === 'number' ? e.column : undefined;
  return new UserError(
    `${fileName} line ${lineAt(bytes, at)}${columnPart(bytes, at, field)}: ${reason}.`,
    'bad_input',
  );
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isBlank(bytes: Buffer, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== LF && b !== CR) return false;
  }
  return true;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(LF); i !== -1 && i < offset; i = bytes.indexOf(LF, i + 1)) line++;
  return line;
}

/**
 * `, column NAME` for the field that holds byte `offset`, found by an RFC 4180 scan
 * from the start (quotes matter: a comma or a line feed inside quotes does not end
 * a field); the name comes from the header when it can be read. Empty on line 1.
 */
function columnPart(bytes: Buffer, offset: number, knownField?: number): string {
  const { field: scanned, headerEnd } = scan(bytes, offset);
  const field = knownField ?? scanned;
  const head = bytes.subarray(0, headerEnd);
  // A header that is not text (a binary file) has no column names worth showing.
  if (offset < headerEnd || head.includes(0) || !isUtf8(head)) return '';
  const names = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r?\n$/, '')
    .split(',')
    .map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
  const name = names[field];
  return name ? `, column ${name}` : `, column ${field + 1}`;
}

/** The index of the field holding `offset`, and where the header row ends. */
function scan(bytes: Buffer, offset: number): { field: number; headerEnd: number } {
  let inQuotes = false;
  let field = 0;
  let headerEnd = -1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && b === COMMA) field++;
    else if (!inQuotes && b === LF) {
      field = 0;
      if (headerEnd === -1) headerEnd = i + 1;
    }
  }
  return { field, headerEnd: headerEnd === -1 ? bytes.length : headerEnd };
}

/** The offset of the quote that opens the field left open at the end of the file. */
function unclosedQuote(bytes: Buffer): number {
  let inQuotes = false;
  let opened = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === QUOTE) {
      inQuotes = !inQuotes;
      if (inQuotes) opened = i;
    }
  }
  return opened;
}

/** The offset of the first byte that breaks UTF-8 (called only when decoding failed). */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const n =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (n === -1) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const c1 = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && c1 < 0xa0) ||
      (b === 0xed && c1 > 0x9f) ||
      (b === 0xf0 && c1 < 0x90) ||
      (b === 0xf4 && c1 > 0x8f)
    ) {
      return i;
    }
    i += n + 1;
  }
  return Math.max(0, bytes.length - 1);
}
