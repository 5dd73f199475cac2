import { UserError } from '../errors';
import { unguardFormula } from './formula-guard';

export type CsvRecord = { line: number; fields: string[] };
export type CsvTable = { header: string[]; records: CsvRecord[] };

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
  const stream = streamCsv(bytes, fileName);
  return { header: stream.header, records: [...stream.records] };
}

/** A CSV file read record by record (see readCsv), so a large import holds no table of rows. */
export type CsvStream = {
  header: string[];
  /** The data records, parsed as they are read: a syntax error is thrown when its line is reached. */
  records: Iterable<CsvRecord>;
  /** About how many data records follow the header (its line breaks), before any is parsed. */
  approxRows: number;
};

/** Like readCsv, but the records are parsed as they are iterated. */
export function streamCsv(bytes: Buffer, fileName: string): CsvStream {
  const text = decodeCsv(bytes, fileName);
  const header = headerFields(text);
  const records = parseRecords(text);
  let head: CsvRecord | undefined;
  try {
    head = records.next().value ?? undefined;
  } catch (error) {
    throw syntaxError(error, fileName, header);
  }
  if (!head) {
    throw new UserError(`${fileName} line 1: the file is empty; expected a header row.`, 'bad_input');
  }
  return {
    header: head.fields.map((h) => h.trim()),
    records: dataRecords(records, fileName, header),
    approxRows: Math.max(0, countByte(bytes, LF) - 1),
  };
}

function* dataRecords(
  records: Generator<CsvRecord>,
  fileName: string,
  header: string[],
): Generator<CsvRecord> {
  for (;;) {
    let next: IteratorResult<CsvRecord>;
    try {
      next = records.next();
    } catch (error) {
      throw syntaxError(error, fileName, header);
    }
    if (next.done) return;
    const { fields } = next.value;
    if (fields.every((f) => f.trim() === '')) continue;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k] as string;
      if (f.charCodeAt(0) === 39) fields[k] = unguardFormula(f);
    }
    yield next.value;
  }
}

/** The file's text, after refusing empty, binary and non-UTF-8 input. */
function decodeCsv(bytes: Buffer, fileName: string): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (isBlank(bytes, start)) {
    throw new UserError(
      `${fileName} line 1: the file is empty; expected a header row and at least one workout. Export the file again and import the new one.`,
      'bad_input',
    );
  }
  if (isUtf16(bytes)) {
    // Excel's "Unicode Text" and some editors save UTF-16: every other byte is zero, so it would read as binary.
    throw new UserError(
      `${fileName} line 1: UTF-16 text, which Spoke does not read; save the file as CSV UTF-8 and import it again.`,
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
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a BOM
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
}

/** A CsvSyntaxError as the user's message, naming the line and the column; anything else unchanged. */
function syntaxError(error: unknown, fileName: string, header: string[]): unknown {
  if (!(error instanceof CsvSyntaxError)) return error;
  const name = error.line > 1 ? header[error.field] : undefined;
  const column = error.line > 1 ? `, column ${name || error.field + 1}` : '';
  const reason =
    error.kind === 'unclosed'
      ? 'a double quote opens a field that is never closed; close it, or double a quote that is part of the text ("")'
      : 'a double quote in the middle of a field; put the whole field in double quotes and double the quotes inside it ("")';
  return new UserError(`${fileName} line ${error.line}${column}: ${reason}.`, 'bad_input');
}

function countByte(bytes: Buffer, byte: number): number {
  let count = 0;
  for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) count++;
  return count;
}

class CsvSyntaxError extends Error {
  constructor(
    readonly kind: 'unclosed' | 'stray',
    readonly line: number,
    readonly field: number,
  ) {
    super(kind);
  }
}

/** The header's fields, for naming the column of a syntax error (parsed alone, so it cannot fail on later rows). */
function headerFields(text: string): string[] {
  try {
    const end = text.search(/\r?\n|\r/);
    const first = parseRecords(end === -1 ? text : text.slice(0, end)).next();
    return first.done ? [] : first.value.fields.map((h) => h.trim());
  } catch {
    return [];
  }
}

/**
 * RFC 4180, strictly: fields separated by commas; a field in double quotes may hold
 * commas, line breaks and doubled quotes; a quote anywhere else is an error. Line
 * breaks are LF, CRLF or a lone CR. Blank lines are skipped. Each record carries the
 * physical line it starts on. (A hand-written scanner: csv-parse with line
 * information was a third of the import time of a 100,000-row file, and miscounted
 * lines after a CRLF inside a quoted field.)
 */
function* parseRecords(text: string): Generator<CsvRecord> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const fieldLine = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) throw new CsvSyntaxError('unclosed', fieldLine, fields.length);
          const part = text.slice(from, q);
          line += countLineBreaks(part);
          value += part;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        fields.push(value);
        c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== LF && c !== CR) {
          throw new CsvSyntaxError('stray', line, fields.length - 1);
        }
      } else {
        const from = i;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) throw new CsvSyntaxError('stray', line, fields.length);
          i++;
        }
        fields.push(text.slice(from, i));
      }
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    yield { line: recordLine, fields };
    // i is at a line break (consumed by the loop above) or at the end.
  }
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === LF || (c === CR && s.charCodeAt(k + 1) !== LF)) count++;
  }
  return count;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A UTF-16 byte order mark, or ASCII text with a zero byte beside each character. */
function isUtf16(bytes: Buffer): boolean {
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const le = bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0;
  const be = bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0;
  return bom || le || be;
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
