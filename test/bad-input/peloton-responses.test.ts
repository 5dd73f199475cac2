import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFolder } from '../../src/main/targets/deliver-targets';
import { fakeEnv, fakePeloton } from '../helpers/fake';
import { spoke } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { canonicalDump, query } from '../sync/kit';
import { type Override, type StubAnswer, startPelotonStub } from './peloton-stub';

/**
 * Peloton answering with something Spoke cannot use: fields missing, null or of
 * the wrong type, a web page instead of JSON, JSON cut off, a huge payload.
 * `spoke sync` must say what went wrong in one sentence (no stack trace), exit 1,
 * and leave the cache as it was: the new workout waiting upstream is not written.
 */

const WORKOUTS = /^\/api\/user\/[0-9a-f]+\/workouts$/;
const GRAPH = /^\/api\/workout\/[0-9a-f]+\/performance_graph$/;

type Page = { data: Record<string, unknown>[] } & Record<string, unknown>;

/** A folder signed in and synced through the stub, with one more workout waiting upstream. */
async function synced() {
  // 8 workouts: averages come from one performance graph per workout (no CSV export).
  const fake = await fakePeloton({ seed: 5, riders: [{ workouts: 8 }] });
  const stub = await startPelotonStub(fake.apiUrl);
  const dir = tempDir();
  const env = { ...fakeEnv(fake), SPOKE_PELOTON_API_URL: stub.url };
  const cli = (args: string[], stdin?: string) => spoke([...args, '--data-dir', dir], { env, stdin });
  const account = fake.accounts[0];
  if (!account) throw new Error('no account');
  const added = await cli(
    ['rider', 'add', '--email', account.email, '--password-stdin'],
    `${account.password}\n`,
  );
  expect(added.code, added.stderr).toBe(0);
  const first = await cli(['sync']);
  expect(first.code, first.stderr).toBe(0);
  const waiting = fake.admin.addWorkout(account.userId, { kind: 'bike-class' });
  return { fake, stub, dir, cli, account, waiting };
}

/** What the cache holds for the user: workouts, riders, high-water marks, and the daily CSVs. */
function state(dir: string) {
  const csvDir = csvFolder(dir);
  return {
    workouts: canonicalDump(dir),
    riders: query(dir, 'SELECT id, name, source FROM riders ORDER BY id'),
    marks: query(dir, 'SELECT rider_id, high_water_mark FROM sync_state ORDER BY rider_id'),
    csv: readdirSync(csvDir)
      .sort()
      .map((f) => [f, readFileSync(join(csvDir, f), 'utf8')]),
  };
}

/** An override that damages the workouts page Peloton really sent. */
const damagedPage =
  (damage: (page: Page) => unknown): Override =>
  async (path, upstream) =>
    WORKOUTS.test(path) ? { body: JSON.stringify(damage(JSON.parse(await upstream()) as Page)) } : null;

const firstWorkout = (page: Page) => page.data[0] as Record<string, unknown>;
const withFirst = (change: (w: Record<string, unknown>) => void) => (page: Page) => {
  change(firstWorkout(page));
  return page;
};
/** The page with one field of its newest workout replaced. */
const withField = (key: string, value: unknown) =>
  damagedPage(
    withFirst((w) => {
      w[key] = value;
    }),
  );

const notUnderstood = (path: string) =>
  new RegExp(
    `^Peloton answered /api/user/[0-9a-f]+/workouts with data Spoke does not understand \\(${path.replaceAll('.', '\\.')}\\); nothing was written\\.$`,
  );
const broken =
  /^Peloton sent a broken answer for \/api\/user\/[0-9a-f]+\/workouts several times; try again later\.$/;

const CLOUDFLARE_PAGE =
  '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript><script>window._cf_chl_opt={}</script></body></html>';

/** About `mb` megabytes of a valid page, streamed: the real page with one enormous title. */
const hugePage =
  (mb: number): Override =>
  async (path, upstream) => {
    if (!WORKOUTS.test(path)) return null;
    const page = JSON.parse(await upstream()) as Page;
    const ride = firstWorkout(page).ride as Record<string, unknown>;
    ride.title = '@@TITLE@@';
    const [head, tail] = JSON.stringify(page).split('@@TITLE@@');
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const body = function* () {
      yield Buffer.from(head ?? '');
      for (let i = 0; i < mb; i++) yield chunk;
      yield Buffer.from(tail ?? '');
    };
    return { body } satisfies StubAnswer;
  };

const cases: [name: string, override: Override, message: RegExp][] = [
  [
    'a page without its data field',
    damagedPage(() => ({ page: 0, page_count: 1, total: 1 })),
    notUnderstood('data'),
  ],
  ['data: null', damagedPage((p) => ({ ...p, data: null })), notUnderstood('data')],
  [
    'data as an object instead of a list',
    damagedPage((p) => ({ ...p, data: { 0: p.data[0] } })),
    notUnderstood('data'),
  ],
  ['a workout without an id', damagedPage(withFirst((w) => delete w.id)), notUnderstood('data.0.id')],
  ['a workout id that is not Peloton’s', withField('id', "1' OR '1'='1"), notUnderstood('data.0.id')],
  ['a workout id of the wrong type', withField('id', 12345), notUnderstood('data.0.id')],
  ['a null start time', withField('start_time', null), notUnderstood('data.0.start_time')],
  ['a creation time as text', withField('created_at', 'yesterday'), notUnderstood('data.0.created_at')],
  ['an output as text', withField('total_work', '512 kJ'), notUnderstood('data.0.total_work')],
  ['a status that is null', withField('status', null), notUnderstood('data.0.status')],
  [
    'an instructor given as a bare name',
    damagedPage(
      withFirst((w) => {
        (w.ride as Record<string, unknown>).instructor = 'Ally Love';
      }),
    ),
    notUnderstood('data.0.ride.instructor'),
  ],
  ['an answer of JSON null', damagedPage(() => null), notUnderstood('shape')],
  ['an answer that is a list', damagedPage((p) => p.data), notUnderstood('shape')],
  [
    'an error object with status 200',
    damagedPage(() => ({ status: 500, error_code: 500, message: 'Internal server error' })),
    notUnderstood('data'),
  ],
  [
    'a web page instead of JSON (a Cloudflare challenge)',
    (path) =>
      WORKOUTS.test(path) ? { contentType: 'text/html; charset=UTF-8', body: CLOUDFLARE_PAGE } : null,
    broken,
  ],
  [
    'JSON cut off, every time',
    async (path, upstream) => {
      if (!WORKOUTS.test(path)) return null;
      const text = await upstream();
      return { body: text.slice(0, Math.floor(text.length / 2)) };
    },
    broken,
  ],
  [
    'bytes that are not text at all',
    (path) =>
      WORKOUTS.test(path) ? { body: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0x00, 0x89]) } : null,
    broken,
  ],
  [
    'a 50 MB answer',
    hugePage(50),
    /^Peloton sent more than \d+ MB for \/api\/user\/[0-9a-f]+\/workouts, more than any real answer; Spoke stopped reading it and wrote nothing\. Try again later\.$/,
  ],
];

describe('spoke sync against a Peloton that answers with bad data', () => {
  it.each(cases)('%s: one clear sentence, exit 1, the cache unchanged', async (_name, override, message) => {
    const { stub, dir, cli, account, waiting } = await synced();
    const before = state(dir);
    stub.override(override);
    const run = await cli(['sync']);
    expect(stub.hits.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    const stderr = run.stderr.split('\n').filter((l) => l.startsWith('spoke:'));
    expect(stderr).toHaveLength(1);
    const sentence = stderr[0]?.replace(`spoke: ${account.name}: `, '') ?? '';
    expect(sentence).toMatch(message);
    expect(run.stdout).toContain(`${account.name}: failed: ${sentence}\n`);
    // No stack trace, no internal error, no raw parser message.
    expect(run.stdout + run.stderr).not.toMatch(
      /\n\s+at |inside Spoke|SyntaxError|ZodError|Unexpected token/,
    );
    expect(state(dir)).toEqual(before);
    expect(canonicalDump(dir)).not.toContain(waiting.id);

    // Peloton recovers: the next sync writes the waiting workout.
    stub.override(null);
    const next = await cli(['sync']);
    expect(next.code, next.stderr).toBe(0);
    expect(canonicalDump(dir)).toContain(waiting.id);
  });

  it('a performance graph of the wrong shape writes no averages, keeps everything else, and is asked again', async () => {
    const { stub, dir, cli, account, waiting } = await synced();
    const before = query<{ id: string; metrics_json: string | null }>(
      dir,
      'SELECT id, metrics_json FROM workouts ORDER BY id',
    );
    stub.override((path) =>
      GRAPH.test(path)
        ? { body: JSON.stringify({ average_summaries: 'fast', summaries: [{ slug: 7 }] }) }
        : null,
    );
    const run = await cli(['sync']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^(?:[^\\n]*\\n)*spoke: ${account.name}: Peloton answered /api/workout/${waiting.id}/performance_graph with data Spoke does not understand \\(average_summaries\\); nothing was written\\.\\n$`,
      ),
    );
    const after = query<{ id: string; metrics_json: string | null }>(
      dir,
      'SELECT id, metrics_json FROM workouts ORDER BY id',
    );
    // The workout itself came from a valid page and is kept; its averages stay unknown.
    expect(after.filter((w) => w.id !== waiting.id)).toEqual(before);
    expect(after.find((w) => w.id === waiting.id)?.metrics_json).toBeNull();

    stub.override(null);
    expect((await cli(['sync'])).code).toBe(0);
    const filled = query<{ metrics_json: string | null }>(
      dir,
      'SELECT metrics_json FROM workouts WHERE id = ?',
      waiting.id,
    );
    expect(filled[0]?.metrics_json).toMatch(/^\{/);
  });
});

describe('spoke rider add when Peloton’s profile answer is bad', () => {
  it.each([
    [
      'a profile without an id',
      { body: JSON.stringify({ username: 'sam', name: 'Sam' }) },
      /^Peloton answered \/api\/me with data Spoke does not understand \(id\); nothing was written\.$/,
    ],
    [
      'a web page',
      { contentType: 'text/html', body: CLOUDFLARE_PAGE },
      /^Peloton sent a broken answer for \/api\/me several times; try again later\.$/,
    ],
  ] as [string, StubAnswer, RegExp][])(
    '%s: one sentence, no rider and no tokens stored',
    async (_name, bad, message) => {
      const fake = await fakePeloton({ seed: 5, riders: 1, workoutsPerRider: 3 });
      const stub = await startPelotonStub(fake.apiUrl);
      stub.override((path) => (path === '/api/me' ? bad : null));
      const dir = tempDir();
      const env = { ...fakeEnv(fake), SPOKE_PELOTON_API_URL: stub.url, SPOKE_SECRET_KEY: 'bad-me' };
      const account = fake.accounts[0];
      const run = await spoke(
        ['rider', 'add', '--email', account?.email ?? '', '--password-stdin', '--data-dir', dir],
        {
          env,
          stdin: `${account?.password}\n`,
        },
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^spoke: [^\n]+\n$/);
      expect(run.stderr.slice('spoke: '.length, -1)).toMatch(message);
      expect(query(dir, 'SELECT id FROM riders')).toEqual([]);
      const secrets = readdirSync(dir).filter((f) => f.startsWith('secrets.'));
      for (const f of secrets) expect(readFileSync(join(dir, f), 'utf8')).not.toContain('peloton:');
    },
  );
});
