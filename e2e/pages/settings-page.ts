import type { Page } from "@playwright/test";

export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings");
  }

  form() {
    return this.page.getByTestId("esputnik-settings-form");
  }

  async save(values: { apiUrl?: string; login?: string; password?: string }) {
    const f = this.form();
    if (values.apiUrl !== undefined) await f.locator('input[name="apiUrl"]').fill(values.apiUrl);
    if (values.login !== undefined) await f.locator('input[name="login"]').fill(values.login);
    if (values.password !== undefined) await f.locator('input[name="password"]').fill(values.password);
    await f.locator('button[type="submit"]').click();
    await this.page.getByTestId("form-success").waitFor();
  }

  apiUrlValue() {
    return this.form().locator('input[name="apiUrl"]').inputValue();
  }

  async testConnection() {
    await this.page.getByTestId("test-connection").click();
  }
}
