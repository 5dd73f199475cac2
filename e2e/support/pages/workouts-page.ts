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

  /** The distance column's cells, as shown. */
  async distances(): Promise<string[]> {
    return this.table.locator('td[data-col="distance"]').allTextContents();
  }

  distanceHeader(): Locator {
    return this.table.locator('th[data-col="distance"]');
  }

  async sortBy(name: string | RegExp): Promise<void> {
    await this.table.getByRole('button', { name }).click();
  }

  async nextPage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next →' }).click();
  }
}
