import type { Locator, Page } from '@playwright/test';

/** The Settings screen's forms, each found by its heading. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  section(title: string): Locator {
    return this.page
      .locator('form, section')
      .filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  field(section: string, label: string): Locator {
    return this.section(section).getByLabel(label, { exact: true });
  }

  async save(section: string): Promise<void> {
    await this.section(section).getByRole('button', { name: 'Save' }).click();
  }
}
