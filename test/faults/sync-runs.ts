import { expect } from 'vitest';
import { type FakePelotonOptions, startFakePeloton } from '../../e2e/fake-peloton';
import { runCli } from '../../src/main/cli/run-cli';
import { type EndState, endState, expectWhole } from './end-state';
import { type Folder, newFolder, type World } from './world';

export type SyncRun = { code: number; stdout: string; stderr: string };

/** A progress line of `spoke sync` on a non-terminal stderr: `Rider: step done/total`. */
export const PROGRESS = /^.+: [a-z0-9]+ \d+\/\d+$/;

/**
 * `spoke sync --json` in this process, as a user would type it; `onLine` sees each
 * stderr line as it is written (progress), so a test can strike at a given moment.
 */
export async function syncOnce(folder: Folder, onLine?: (line: string) => void): Promise<SyncRun> {
  let stdout = '';
  let stderr = '';
  let partial = '';
  const code = await runCli(['sync', '--json', '--data-dir', folder.dir], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
      partial += t;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine?.(line);
    },
    readStdin: async () => '',
    env: folder.env,
    isTty: false,
    interrupted: () => new Promise(() => {}),
  });
  return { code, stdout, stderr };
}

/**
 * A failed run told the user what went wrong in one line: exit 1, stderr is
 * progress lines and one `spoke: ...` line (no stack trace, no "unexpected error",
 * no "something went wrong", no raw JavaScript error); stdout, when there is one, is the JSON result.
 */
export function expectClearFailure(run: SyncRun): string {
  expect(run.code, run.stderr).toBe(1);
  const other = run.stderr
    .trimEnd()
    .split('\n')
    .filter((l) => !PROGRESS.test(l));
  expect(other, run.stderr).toHaveLength(1);
  const line = other[0] ?? '';
  expect(line).toMatch(/^spoke: \S/);
  expect(line).not.toMatch(
    /unexpected error|Something went wrong|\b(Type|Reference|Range|Syntax|Sqlite)Error\b/,
  );
  if (run.stdout) expect(() => JSON.parse(run.stdout)).not.toThrow();
  return line;
}

export type Attempts = { runs: number; errors: string[] };

/**
 * Runs `spoke sync` until it succeeds, as a user (or the daily schedule) would,
 * at most `max` times. Each failure must be one clear line and leave every output
 * whole (see expectWhole).
 */
export async function syncUntilDone(world: World, folder: Folder, max: number): Promise<Attempts> {
  const errors: string[] = [];
  for (let runs = 1; runs <= max; runs++) {
    const run = await syncOnce(folder);
    if (run.code === 0) {
      expect(
        run.stderr
          .trimEnd()
          .split('\n')
          .filter((l) => l && !PROGRESS.test(l)),
      ).toEqual([]);
      return { runs, errors };
    }
    errors.push(expectClearFailure(run));
    await expectWhole(world, folder);
  }
  throw new Error(`spoke sync still failed after ${max} runs; last: ${errors.at(-1)}`);
}

/** A clean sync of a fresh folder against a fresh fake with these options: what every fault run must end at. */
export async function cleanRun(
  world: World,
  options: FakePelotonOptions,
  onLine?: (line: string) => void,
): Promise<EndState> {
  const fake = await startFakePeloton(options);
  try {
    const folder = await newFolder(world, fake);
    const run = await syncOnce(folder, onLine);
    expect(run.code, run.stderr).toBe(0);
    const state = await endState(world, folder);
    expect(state.cache.length).toBeGreaterThan(0);
    expect(Object.keys(state.s3)).toHaveLength(Object.keys(state.csv).length);
    expect(state.peloton).toHaveLength(state.cache.length);
    return state;
  } finally {
    await fake.close();
  }
}
