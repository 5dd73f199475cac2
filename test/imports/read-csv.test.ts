import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/main/errors';
import { guardFormula, unguardFormula } from '../../src/main/imports/formula-guard';
import { readCsv } from '../../src/main/imports/read-csv';
import { FIXTURES, SEED_FILE } from './cache-fixture';

const read = (text: string | Buffer) => readCsv(Buffer.isBuffer(text) ? text : Buffer.from(text), 'f.csv');

describe('readCsv', () => {
  it.each([SEED_FILE, join(FIXTURES, 'peloton-imperial.csv'), join(FIXTURES, 'peloton-metric.csv')])(
    'reads %s exactly as csv-parse does',
    (path) => {
      const bytes = readFileSync(path);
      const table = read(bytes);
      const reference = parse(bytes, { bom: true, skip_empty_lines: true }) as string[][];
      expect([table.header, ...table.records.map((r) => r.fields)]).toEqual(reference);
      expect(table.records.map((r) => r.line)).toEqual(reference.slice(1).map((_, i) => i + 2));
    },
  );

  it('handles quoted commas, doubled quotes, line breaks in fields, empty fields and no final newline', () => {
    const table = read(
      'a,b,c\r\n"x, y","say ""hi""",\r\n"two\r\nlines","",last\r\n\r\n\n"three\nmore\nlines",2,3',
    );
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.records).toEqual([
      { line: 2, fields: ['x, y', 'say "hi"', ''] },
      { line: 3, fields: ['two\r\nlines', '', 'last'] },
      { line: 7, fields: ['three\nmore\nlines', '2', '3'] },
    ]);
  });

  it('counts a lone CR as a line break (old Mac files)', () => {
    expect(read('a,b\r1,2\r\r3,4\r').records).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });

  it('skips lines of nothing but commas and spaces, and trims header names', () => {
    const table = read('\uFEFF a , b \n1,2\n,\n , \n3,4\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records.map((r) => r.line)).toEqual([2, 5]);
  });

  it('removes the formula guard from data fields only', () => {
    const table = read("'=h,b\n'=1+1,'''-x\n'plain,''@\n");
    expect(table.header).toEqual(["'=h", 'b']);
    expect(table.records.map((r) => r.fields)).toEqual([
      ['=1+1', "''-x"],
      ["'plain", "'@"],
    ]);
  });

  it.each([
    ['a,b\n1,"open\n2,3\n', 'f.csv line 2, column b: a double quote opens a field that is never closed'],
    ['a,b\n1,x"y\n', 'f.csv line 2, column b: a double quote in the middle of a field'],
    ['a,b\n"1"x,2\n', 'f.csv line 2, column a: a double quote in the middle of a field'],
    [
      'a,b\n"multi\nline",ok\n3,"x\n',
      'f.csv line 4, column b: a double quote opens a field that is never closed',
    ],
    ['"a,b\n1,2\n', 'f.csv line 1: a double quote opens a field that is never closed'],
  ])('refuses malformed quoting: %j', (text, message) => {
    expect(() => read(text)).toThrow(UserError);
    expect(() => read(text)).toThrow(message);
  });
});

describe('formula guard', () => {
  it.each(['=1', '+1', '-1', '@x', '\tx', '\rx', "'=x", "''+x", "'x", 'x', '', "'", "''", 'a=b'])(
    '%j survives guard then unguard',
    (value) => {
      expect(unguardFormula(guardFormula(value))).toBe(value);
    },
  );

  it('guards exactly the fields a spreadsheet would run', () => {
    expect(guardFormula('=1')).toBe("'=1");
    expect(guardFormula("'=1")).toBe("''=1");
    expect(guardFormula("'x")).toBe("'x");
    expect(guardFormula('x=1')).toBe('x=1');
  });
});
