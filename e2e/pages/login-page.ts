import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: { email: "admin@demo.sputnik.desk", password: "demo-admin-2026" },
  manager: { email: "manager@demo.sputnik.desk", password: "demo-manager-2026" },
  viewer: { email: "viewer@demo.sputnik.desk", password: "demo-viewer-2026" },
};

export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(path = "/login") {
    await this.page.goto(path);
  }

  async fill(email: string, password: string) {
    await this.page.locator('input[name="email"]').fill(email);
    await this.page.locator('input[name="password"]').fill(password);
    await this.page.locator('button[type="submit"]').click();
  }

  async loginAs(user: keyof typeof DEMO) {
    await this.goto();
    await this.fill(DEMO[user].email, DEMO[user].password);
    await expect(this.page).not.toHaveURL(/\/login/);
  }

  error() {
    return this.page.getByTestId("login-error");
  }
}
