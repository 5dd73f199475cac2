import type { Locator, Page } from '@playwright/test';

/** The filter bar every screen shares: locators first, then what a user does with them. */
export class FilterBar {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Filters' });
  }

  rider(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  preset(label: string): Locator {
    return this.root.getByRole('button', { name: label, exact: true });
  }

  from(): Locator {
    return this.root.getByLabel('From');
  }

  to(): Locator {
    return this.root.getByLabel('To');
  }

  async chooseRider(name: string): Promise<void> {
    await this.rider(name).click();
  }

  async setDates(from: string, to: string): Promise<void> {
    await this.from().fill(from);
    await this.to().fill(to);
  }

  async chooseClassType(label: string): Promise<void> {
    await this.root.getByLabel(/^Class types:/).click();
    await this.root.getByRole('checkbox', { name: label, exact: true }).check();
    await this.page.keyboard.press('Escape');
  }

  async setRideMinLength(minutes: number): Promise<void> {
    await this.root.getByLabel(/^Rides \(output charts\):/).click();
    await this.root.getByLabel('Class longer than (min)').fill(String(minutes));
    await this.page.keyboard.press('Escape');
  }
}
