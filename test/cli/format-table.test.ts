import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/main/cli/format-table';

describe('report tables in a terminal', () => {
  it('lines up a column of figures: one fraction gives every number in it two decimals', () => {
    const table = formatTable([
      { rider: 'Ada', workouts: 4, outputKj: 451 },
      { rider: 'Bryan Kolano', workouts: 324, outputKj: 12218.6 },
    ]);
    expect(table).toBe(
      [
        'rider         workouts  outputKj',
        'Ada                  4    451.00',
        'Bryan Kolano       324  12218.60',
        '',
      ].join('\n'),
    );
  });

  it('right-aligns a numeric column whose first value is empty, and shows control characters', () => {
    const table = formatTable([
      { rider: 'A\u001b[2J', longestDays: null },
      { rider: 'B', longestDays: 12 },
    ]);
    expect(table.split('\n')).toEqual(['rider     longestDays', 'A\\x1b[2J', 'B                  12', '']);
  });
});
