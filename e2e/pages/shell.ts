import { expect, type Page } from "@playwright/test";

export class Shell {
  constructor(readonly page: Page) {}

  nav() {
    return this.page.getByRole("navigation").first();
  }

  async switchLanguage(locale: "uk" | "en" | "ru") {
    await this.page.getByTestId("language-switch").first().selectOption(locale);
    await expect(this.page.locator("html")).toHaveAttribute("lang", locale);
  }

  async signOut() {
    await this.page.getByTestId("user-menu").locator("summary").click();
    await this.page.getByTestId("sign-out").click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
