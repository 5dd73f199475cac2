import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { upsertWorkouts } from '../src/main/cache/workouts-repo';
import { createServices } from '../src/main/services';
import { generateWorkouts } from './generate';
import type { Bench, BenchFigure } from './types';

const WORKOUTS = 100_000;
const RUNS = 7;
const ROOT = resolve(__dirname, '..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Starts the built `spoke serve` and resolves with the URL it prints. */
function serve(dataDir: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/spoke.js'), 'serve', '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n'))
        ok({ url: out.split('\n')[0]?.trim() ?? '', stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => fail(new Error(`spoke serve exited with ${code}`)));
  });
}

/**
 * The dashboard in Chromium over a cache of 100,000 workouts (5 riders): from opening
 * the URL to the Overview's chart drawn, and from a filter click to the chart redrawn.
 */
export const bench: Bench = {
  title: `dashboard: Overview with ${WORKOUTS.toLocaleString('en')} workouts, median of ${RUNS}`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'spoke-bench-'));
    const services = createServices({ dataDir: dir, face: 'cli', env: {} });
    upsertWorkouts(services.cache, generateWorkouts(WORKOUTS, 5), 'import');
    services.settings.update({ set: { 'display.timeZone': 'UTC' } });
    services.close();
    const server = await serve(dir);
    const executablePath = process.env.SPOKE_CHROMIUM ?? ['/usr/bin/chromium'].find(existsSync);
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      const opens: number[] = [];
      const redraws: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const chart = page.getByTestId('chart-monthly-counts');
        const lines = chart.locator('.recharts-line');
        const t0 = performance.now();
        await page.goto(server.url);
        await lines.nth(4).waitFor({ state: 'attached', timeout: 30_000 });
        opens.push(performance.now() - t0);
        // Choosing one rider redraws the chart with one line.
        const t1 = performance.now();
        await page
          .getByRole('region', { name: 'Filters' })
          .getByRole('button', { name: 'Rider 3', exact: true })
          .click();
        // Locators, not waitForFunction: the page's CSP forbids the eval that one needs.
        await lines.nth(1).waitFor({ state: 'detached', timeout: 30_000 });
        await lines.first().waitFor({ state: 'attached', timeout: 30_000 });
        redraws.push(performance.now() - t1);
        if ((await lines.count()) !== 1)
          throw new Error('dashboard bench: expected one line after the filter');
        await page.close();
      }
      const open = median(opens);
      const redraw = median(redraws);
      const figures: BenchFigure[] = [
        {
          name: 'open the URL → Overview chart drawn',
          value: open,
          unit: 'ms',
          target: '< 1,500 ms',
          pass: open < 1500,
        },
        {
          name: 'filter change → chart redrawn',
          value: redraw,
          unit: 'ms',
          target: '< 300 ms',
          pass: redraw < 300,
        },
      ];
      return figures;
    } finally {
      await browser.close();
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
