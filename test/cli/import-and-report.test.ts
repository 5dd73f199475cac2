import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spoke } from '../helpers/run-cli';
import { SEED_CSV, tempDir } from '../helpers/temp-dir';

describe('spoke import + report summary (the vertical slice)', () => {
  it('imports the original pipeline CSV: 721 workouts for 2 riders', async () => {
    const dir = tempDir();
    const imported = await spoke(['import', SEED_CSV, '--json', '--data-dir', dir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      format: 'seed',
      rows: 721,
      inserted: 721,
      updated: 0,
      unchanged: 0,
    });

    const summary = await spoke(['report', 'summary', '--json', '--tz', 'UTC', '--data-dir', dir]);
    expect(summary.code).toBe(0);
    const rows = JSON.parse(summary.stdout);
    expect(rows).toEqual([
      expect.objectContaining({
        rider: 'Bryan Kolano',
        workouts: 324,
        firstWorkout: '2021-10-16T13:31:51Z',
        lastWorkout: '2023-05-25T09:31:58Z',
      }),
      expect.objectContaining({ rider: 'Hillary Kolano', workouts: 397 }),
    ]);
    expect(rows[0].minutes + rows[1].minutes).toBeGreaterThan(0);
  });

  it('importing the same file twice changes nothing', async () => {
    const dir = tempDir();
    await spoke(['import', SEED_CSV, '--data-dir', dir]);
    const again = await spoke(['import', SEED_CSV, '--json', '--data-dir', dir]);
    expect(JSON.parse(again.stdout)).toEqual({
      format: 'seed',
      rows: 721,
      inserted: 0,
      updated: 0,
      unchanged: 721,
    });
  });

  it('prints a readable table without --json and CSV with --csv', async () => {
    const dir = tempDir();
    await spoke(['import', SEED_CSV, '--data-dir', dir]);
    const table = await spoke(['report', 'summary', '--data-dir', dir]);
    expect(table.stdout).toMatch(/^rider\s+workouts\s+minutes/);
    expect(table.stdout).toContain('Hillary Kolano');
    const csv = await spoke(['report', 'summary', '--csv', '--data-dir', dir]);
    expect(csv.stdout.split('\n')[0]).toBe('rider,workouts,minutes,outputKj,firstWorkout,lastWorkout');
  });

  it('a malformed file imports nothing and names the line and column (exit 1)', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'workout_id,date,class_title,instructor,class_type,length_min,total_output_kj,rider_name\n' +
        'aaa1,2023-05-25 09:31:58,20 min Ride,Ally Love,cycling,20,180.1,Ann\n' +
        'aaa2,2023-05-26 09:31:58,20 min Ride,Ally Love,cycling,20,lots,Ann\n',
    );
    const run = await spoke(['import', bad, '--json', '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').pop()).toBe(
      'spoke: bad.csv line 3, column total_output_kj: expected a number of kilojoules such as 265.2, found "lots".',
    );
    const summary = await spoke(['report', 'summary', '--json', '--data-dir', dir]);
    expect(JSON.parse(summary.stdout)).toEqual([]);
  });

  it('usage errors exit 2 with a hint; an unknown rider exits 1 listing the riders', async () => {
    const dir = tempDir();
    expect((await spoke(['report', 'nope', '--data-dir', dir])).code).toBe(2);
    expect((await spoke(['import', '--data-dir', dir])).code).toBe(2);
    expect((await spoke(['report', 'summary', '--bogus', '--data-dir', dir])).stderr).toMatch(/--help/);
    expect((await spoke(['frobnicate'])).code).toBe(2);
    await spoke(['import', SEED_CSV, '--data-dir', dir]);
    const unknown = await spoke(['report', 'summary', '--rider', 'Zed', '--data-dir', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown rider "Zed". Riders: Bryan Kolano, Hillary Kolano.');
    const one = await spoke(['report', 'summary', '--rider', 'hillary kolano', '--json', '--data-dir', dir]);
    expect(JSON.parse(one.stdout).map((r: { rider: string }) => r.rider)).toEqual(['Hillary Kolano']);
  });

  it('--help prints usage and exits 0', async () => {
    const help = await spoke(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: spoke COMMAND');
    expect((await spoke(['report', '--help'])).stdout).toContain('monthly-counts');
  });
});
