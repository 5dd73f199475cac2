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

  /** A secret's "set" / "not set" badge, next to its label. */
  secretState(section: string, label: string): Locator {
    return this.section(section)
      .locator('.field')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('.badge');
  }

  /** The one sentence a Test connection / Test upload button answered. */
  testAnswer(section: string): Locator {
    return this.section(section)
      .getByRole('status')
      .filter({ hasNotText: /^Saved$/ });
  }

  async save(section: string): Promise<void> {
    await this.section(section).getByRole('button', { name: 'Save' }).click();
  }

  async runTest(section: string, label: 'Test connection' | 'Test upload'): Promise<void> {
    await this.section(section).getByRole('button', { name: label }).click();
  }
}
