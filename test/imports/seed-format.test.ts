import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/main/errors';
import { seedRow } from '../../src/main/imports/seed-format';

const row = (date: string) => ({
  line: 7,
  fields: ['abc123', date, '20 min Ride', 'no instructor', 'lanebreak', '20', '180.1', ' Ann '],
});

describe('seed rows', () => {
  it.each([
    ['2023-05-25 09:31:58', '2023-05-25T09:31:58Z'],
    ['2023-05-25T09:31:58', '2023-05-25T09:31:58Z'],
    ['2024-02-29 23:59:59', '2024-02-29T23:59:59Z'],
    ['2000-02-29 00:00:00', '2000-02-29T00:00:00Z'],
    ['2023-12-31 00:00:00', '2023-12-31T00:00:00Z'],
  ])('reads %s as UTC', (date, iso) => {
    expect(seedRow(row(date), 'f.csv').startTime).toBe(Date.parse(iso) / 1000);
  });

  it.each([
    '2023-02-29 10:00:00',
    '1900-02-29 10:00:00',
    '2023-04-31 10:00:00',
    '2023-13-01 10:00:00',
    '2023-00-10 10:00:00',
    '2023-05-00 10:00:00',
    '2023-05-25 24:00:00',
    '2023-05-25 09:60:00',
    '2023-05-25 09:31:60',
    '2023-5-25 09:31:58',
    '2023-05-25 09:31',
    '2023/05/25 09:31:58',
    '2023-05-25 09:31:5x',
    ' 2023-05-25 09:31:58',
  ])('refuses %j, naming the line and column', (date) => {
    expect(() => seedRow(row(date), 'f.csv')).toThrow(UserError);
    expect(() => seedRow(row(date), 'f.csv')).toThrow(/^f\.csv line 7, column date: expected a UTC date/);
  });

  it('maps the pipeline conventions: no instructor, lanebreak, trimmed rider', () => {
    expect(seedRow(row('2023-05-25 09:31:58'), 'f.csv')).toMatchObject({
      instructor: null,
      classType: 'lanebreak',
      rideKind: 'lanebreak',
      riderName: 'Ann',
      lengthMin: 20,
      outputKj: 180.1,
      source: 'seed',
    });
  });
});
