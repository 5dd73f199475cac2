import type { Locator, Page } from '@playwright/test';

/** The Workouts screen's table, its header count and its pager. */
export class WorkoutsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly range: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Workouts' });
    this.rows = this.table.locator('tbody tr');
    this.count = page.getByText(/^[\d,]+ workouts? match$/);
    this.range = page.getByRole('navigation', { name: 'Pages' }).locator('p');
  }

  /** A cell by its column: start, rider, title, instructor, classType, lengthMin, outputKj, distance. */
  cell(row: number, column: string): Locator {
    return this.rows.nth(row).locator(`td[data-col="${column}"]`);
  }

  /** A unit-bearing column's cells (distance or speed), as shown. */
  async cells(column: 'distance' | 'speed'): Promise<string[]> {
    return this.table.locator(`td[data-col="${column}"]`).allTextContents();
  }

  header(column: 'distance' | 'speed'): Locator {
    return this.table.locator(`th[data-col="${column}"]`);
  }

  async sortBy(name: string | RegExp): Promise<void> {
    await this.table.getByRole('button', { name }).click();
  }

  async nextPage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next →' }).click();
  }
}
