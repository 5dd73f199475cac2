import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spoke } from '../helpers/run-cli';
import { SEED_CSV, tempDir } from '../helpers/temp-dir';

describe('spoke export', () => {
  it('writes the seed format that imports back into the same reports', async () => {
    const dir = tempDir();
    await spoke(['import', SEED_CSV, '--data-dir', dir]);
    const file = join(tempDir(), 'out.csv');
    const run = await spoke(['export', file, '--json', '--data-dir', dir]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ format: 'seed', rows: 721, file });
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(
      'workout_id,date,class_title,instructor,class_type,length_min,total_output_kj,rider_name',
    );
    const other = tempDir();
    expect(JSON.parse((await spoke(['import', file, '--json', '--data-dir', other])).stdout).inserted).toBe(
      721,
    );
    const summary = (d: string) => spoke(['report', 'summary', '--json', '--tz', 'UTC', '--data-dir', d]);
    expect((await summary(other)).stdout).toBe((await summary(dir)).stdout);
  });

  it('asks for one rider with the Peloton export format, which has no rider column', async () => {
    const dir = tempDir();
    await spoke(['import', SEED_CSV, '--data-dir', dir]);
    const file = join(tempDir(), 'peloton.csv');
    const refused = await spoke(['export', file, '--format', 'peloton-export', '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--rider NAME');
    const one = await spoke([
      'export',
      file,
      '--format',
      'peloton-export',
      '--rider',
      'Bryan Kolano',
      '--json',
      '--data-dir',
      dir,
    ]);
    expect(JSON.parse(one.stdout).rows).toBe(324);
    expect((await spoke(['export', file, '--format', 'xlsx', '--data-dir', dir])).code).toBe(2);
  });
});
