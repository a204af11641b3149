import type { Page } from "@playwright/test";

export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings");
  }

  form() {
    return this.page.getByTestId("esputnik-settings-form");
  }

  /** Types into the form without saving. */
  async fill(values: { apiUrl?: string; login?: string; password?: string }) {
    const f = this.form();
    if (values.apiUrl !== undefined) await f.locator('input[name="apiUrl"]').fill(values.apiUrl);
    if (values.login !== undefined) await f.locator('input[name="login"]').fill(values.login);
    if (values.password !== undefined) await f.locator('input[name="password"]').fill(values.password);
  }

  async save(values: { apiUrl?: string; login?: string; password?: string }) {
    await this.fill(values);
    await this.saveButton().click();
    await this.page.getByTestId("form-success").waitFor();
  }

  saveButton() {
    return this.page.getByTestId("save-settings");
  }

  apiUrlValue() {
    return this.form().locator('input[name="apiUrl"]').inputValue();
  }

  async testConnection() {
    await this.page.getByTestId("test-connection").click();
  }
}
