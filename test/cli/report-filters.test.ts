import { describe, expect, it } from 'vitest';
import { spoke } from '../helpers/run-cli';
import { SEED_CSV, tempDir } from '../helpers/temp-dir';

async function seeded() {
  const dir = tempDir();
  expect((await spoke(['import', SEED_CSV, '--data-dir', dir])).code).toBe(0);
  return async (...args: string[]) => {
    const run = await spoke(['report', ...args, '--json', '--tz', 'UTC', '--data-dir', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as Record<string, unknown>[];
  };
}

const total = (rows: Record<string, unknown>[], field: string) =>
  rows.reduce((s, r) => s + Number(r[field]), 0);

describe('spoke report filters', () => {
  it('--class-type, --length and --instructor, each repeatable', async () => {
    const report = await seeded();
    const yoga = await report('summary', '--class-type', 'yoga');
    expect(yoga.map((r) => [r.rider, r.workouts])).toEqual([
      ['Bryan Kolano', 222],
      ['Hillary Kolano', 15],
    ]);
    const two = await report('summary', '--class-type', 'yoga', '--class-type', 'lanebreak');
    expect(total(two, 'workouts')).toBe(222 + 15 + 18);
    const twenty = await report('output-by-length', '--length', '20');
    expect(twenty.map((r) => [r.rider, r.lengthMin, r.n])).toEqual([
      ['Bryan Kolano', 20, 44],
      ['Hillary Kolano', 20, 89],
    ]);
    expect(total(await report('output-by-length', '--length', '20', '--length', '30'), 'n')).toBe(
      44 + 13 + 89 + 33,
    );
    const lanebreak = await report('instructors', '--instructor', 'Lanebreak');
    expect(total(lanebreak, 'workouts')).toBe(18);
    expect(lanebreak.every((r) => r.instructor === 'Lanebreak')).toBe(true);
    expect(await report('summary', '--class-type', 'pilates')).toEqual([]);
  });

  it('--ride-types, --ride-min-kj and --ride-min-length edit the ride subset', async () => {
    const report = await seeded();
    expect(total(await report('output-by-length'), 'n')).toBe(210);
    expect(total(await report('output-by-length', '--ride-min-length', '0'), 'n')).toBe(307);
    const cycling = await report('instructors', '--ride-types', 'cycling');
    expect(cycling.some((r) => r.instructor === 'Lanebreak')).toBe(false);
    const withBootcamp = await report(
      'records',
      '--ride-types',
      'cycling, lanebreak,bike_bootcamp',
      '--ride-min-kj',
      '0',
    );
    expect(withBootcamp.length).toBeGreaterThanOrEqual((await report('records')).length);
    const strong = await report('output-by-length', '--ride-min-kj', '250.5');
    expect(strong.every((r) => Number(r.min) > 250.5)).toBe(true);
  });

  it('refuses a bad value with one line naming the flag (exit 2)', async () => {
    const dir = tempDir();
    const cases: [string[], string][] = [
      [['--length', 'twenty'], '--length: expected whole minutes'],
      [['--length', '2.5'], '--length: expected whole minutes'],
      [['--class-type', 'Yoga'], '--class-type: expected a class type slug'],
      [['--instructor', ''], '--instructor: expected an instructor name'],
      [['--ride-types', ''], '--ride-types: expected class type slugs separated by commas'],
      [['--ride-types', 'cycling,Bike Bootcamp'], '--ride-types: expected a class type slug'],
      [['--ride-min-kj', 'lots'], '--ride-min-kj: expected kJ'],
      [['--ride-min-length', '700'], '--ride-min-length: expected whole minutes'],
      [['--from', '2023-02-01', '--to', '2023-01-01'], '--from/--to: from must not be after to'],
    ];
    for (const [args, message] of cases) {
      const run = await spoke(['report', 'summary', ...args, '--data-dir', dir]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      const [first, second] = run.stderr.trimEnd().split('\n');
      expect(first, args.join(' ')).toMatch(
        new RegExp(`^spoke: ${message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*\\.$`),
      );
      expect(second).toBe('Run `spoke report --help` for usage.');
    }
  });

  it('documents the new flags in --help', async () => {
    const help = (await spoke(['report', '--help'])).stdout;
    for (const flag of [
      '--class-type',
      '--length',
      '--instructor',
      '--ride-types',
      '--ride-min-kj',
      '--ride-min-length',
    ]) {
      expect(help).toContain(flag);
    }
  });
});
