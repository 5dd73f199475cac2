import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { WorkoutsPage } from './support/pages/workouts-page';
import { newDataDir, type Served, spokeServe } from './support/spoke-cli';

// Class titles, instructors and riders are text Spoke did not write. Imported through the
// dashboard's own file picker, markup in them must show as text: no script runs, no element
// is injected, no request goes out, no dialog opens.

const PWN = 'window.__spokePwned=1;alert("pwned")';
const titles = [
  `<script>${PWN}</script>`,
  `<img src=x onerror='${PWN}'>`,
  `"><svg onload='${PWN}'><b>bold</b>`,
  `javascript:${PWN}`,
  '=HYPERLINK("http://evil.example/","Click")',
  '{{constructor.constructor("alert(1)")()}}',
  "Robert'); DROP TABLE workouts;--",
  'Ride \u202Etxt.exe\u202C ركوب 🚴‍♀️',
];
const instructors = [`<img src=x onerror='${PWN}'>`, `<a href="javascript:${PWN}">Ally</a>`];
const riders = [`<script>${PWN}</script>`, `<b onmouseover='${PWN}'>Eve</b>`];

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

function hostileCsv(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'spoke-hostile-csv-'));
  const lines = titles.map((title, i) =>
    [
      `hostile${i}`,
      `2023-05-${String(10 + i).padStart(2, '0')} 07:30:00`,
      title,
      instructors[i % instructors.length] ?? '',
      'cycling',
      '20',
      `${150 + i}.5`,
      riders[i % riders.length] ?? '',
    ]
      .map(field)
      .join(','),
  );
  const file = join(dir, 'hostile.csv');
  const header = 'workout_id,date,class_title,instructor,class_type,length_min,total_output_kj,rider_name';
  writeFileSync(file, `${[header, ...lines].join('\n')}\n`);
  return { dir, file };
}

/** Everything a successful injection would leave behind, recorded from the first byte of the page. */
function watch(page: Page) {
  const seen = {
    dialogs: [] as string[],
    console: [] as string[],
    errors: [] as string[],
    requests: [] as string[],
  };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => seen.console.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => seen.requests.push(r.url()));
  return seen;
}

let server: Served;
let data: ReturnType<typeof newDataDir>;
let csv: ReturnType<typeof hostileCsv>;

test.beforeAll(async () => {
  data = newDataDir();
  csv = hostileCsv();
  server = await spokeServe(data.dir);
});
test.afterAll(async () => {
  await server?.stop();
  data?.remove();
  if (csv) rmSync(csv.dir, { recursive: true, force: true });
});

test('hostile titles, instructors and riders show verbatim as text and never run', async ({ page }) => {
  const seen = watch(page);
  await page.goto(server.url);
  // The file travels over `imports:csv`, as a user's would.
  await page.getByTestId('first-run').locator('input[type=file]').setInputFiles(csv.file);
  const cards = page.getByTestId('summary-cards');
  await expect(cards).toBeVisible();
  for (const rider of riders) await expect(cards).toContainText(rider);

  const base = server.url.replace(/#.*$/, '');
  await page.goto(`${base}#/workouts`);
  const workouts = new WorkoutsPage(page);
  await expect(workouts.count).toHaveText(`${titles.length} workouts match`);
  const shownTitles = await workouts.table.locator('td[data-col="title"]').allTextContents();
  expect([...shownTitles].sort()).toEqual([...titles].sort());
  const shownInstructors = await workouts.table.locator('td[data-col="instructor"]').allTextContents();
  expect(new Set(shownInstructors)).toEqual(new Set(instructors));
  const shownRiders = await workouts.table.locator('td[data-col="rider"]').allTextContents();
  expect(new Set(shownRiders)).toEqual(new Set(riders));

  // The instructor link goes to Spoke's own page for that name, not to the name's javascript: URL.
  const links = await workouts.table.locator('td[data-col="instructor"] a').all();
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(await link.getAttribute('href')).toMatch(/^#\/instructors\//);

  await page.goto(`${base}#/instructors`);
  const table = page.getByTestId('table-instructors');
  for (const name of instructors) await expect(table).toContainText(name);

  await page.goto(`${base}#/riders`);
  await expect(page.getByTestId('table-proportions')).toContainText(riders[0] ?? '');

  // Nothing the markup asked for happened.
  expect(await page.evaluate('typeof window.__spokePwned')).toBe('undefined');
  expect(
    await page.locator('img[src="x"], svg[onload], b[onmouseover], a[href^="javascript:"]').count(),
  ).toBe(0);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
  expect(seen.console.filter((m) => /pwned|Content Security Policy/i.test(m))).toEqual([]);
  expect(seen.requests.filter((u) => new URL(u).pathname === '/x' || !u.startsWith(base))).toEqual([]);
});
