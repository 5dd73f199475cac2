import type { Locator, Page } from '@playwright/test';
import { FilterBar } from './filter-bar';

/** The dashboard served by `spoke serve`: navigation, the header's Sync now, and charts by test id. */
export class DashboardPage {
  readonly filters: FilterBar;
  readonly title: Locator;
  readonly syncNow: Locator;

  constructor(
    readonly page: Page,
    /** The URL `spoke serve` printed, with its `#token=`. */
    readonly signedUrl: string,
  ) {
    this.filters = new FilterBar(page);
    this.title = page.locator('#screen-title');
    this.syncNow = page.getByRole('button', { name: /^(Sync now|Syncing…)$/ });
  }

  get base(): string {
    return this.signedUrl.replace(/#.*$/, '');
  }

  /** Opens the signed URL once (the tab keeps the token), then the given route. */
  async open(route = 'overview'): Promise<void> {
    await this.page.goto(this.signedUrl);
    await this.page.getByTestId('chart-monthly-counts').waitFor();
    await this.goto(route);
  }

  async goto(route: string): Promise<void> {
    await this.page.goto(`${this.base}#/${route}`);
  }

  async navigate(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  }

  chart(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Clicks a download button and reads what the page saved. */
  async download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  /** The route part of the URL, decoded: `#/workouts?riders=…`. */
  hash(): string {
    return decodeURIComponent(new URL(this.page.url()).hash);
  }
}
