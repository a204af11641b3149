import { expect, type Page } from "@playwright/test";

/** The mailings section: list, new-mailing form, and a mailing's record with its tabs. */
export class MailingPage {
  constructor(readonly page: Page) {}

  async create({ name, messageName }: { name: string; messageName: string }) {
    await this.page.goto("/mailings");
    await this.page.getByTestId("add-mailing").click();
    const form = this.page.getByTestId("mailing-form");
    await form.locator('input[name="name"]').fill(name);
    await expect(form.locator('input[name="esputnikGroup"]')).toHaveValue(name);
    await this.chooseMessage(messageName);
    await this.page.getByTestId("save-mailing").click();
    await expect(this.page).toHaveURL(/\/mailings\/[0-9a-f-]{36}$/);
    await expect(this.page.getByTestId("mailing-title")).toHaveText(name);
  }

  async chooseMessage(messageName: string) {
    await this.page.getByTestId("message-lookup-open").click();
    const dialog = this.page.getByTestId("message-lookup-dialog");
    await dialog.getByRole("textbox").first().fill(messageName);
    await dialog.getByRole("button", { name: messageName }).click();
    await expect(this.page.getByTestId("message-lookup-value")).toContainText(messageName);
  }

  async openAddMenu(mode: "filter" | "selected" | "one") {
    await this.page.getByTestId("audience-add").click();
    await this.page.getByTestId(`audience-add-${mode}`).click();
  }

  async importGroup(groupName: string) {
    await this.openAddMenu("filter");
    const dialog = this.page.getByTestId("import-filter-dialog");
    const select = dialog.getByTestId("import-group");
    const value = await select.locator("option", { hasText: groupName }).first().getAttribute("value");
    await select.selectOption(value!);
    await dialog.getByTestId("import-group-submit").click();
    await expect(this.page.getByTestId("import-result")).toBeVisible();
  }

  async importSelected(count: number, search = "") {
    await this.openAddMenu("selected");
    const dialog = this.page.getByTestId("import-selected-dialog");
    if (search) await dialog.getByRole("textbox").fill(search);
    const boxes = dialog.getByRole("checkbox");
    await expect(boxes.nth(count - 1)).toBeVisible();
    for (let i = 0; i < count; i++) await boxes.nth(i).check();
    await expect(dialog.getByTestId("picker-selected")).toContainText(String(count));
    await dialog.getByTestId("import-selected-submit").click();
    await expect(this.page.getByTestId("import-result")).toBeVisible();
  }

  contactCount() {
    return this.page.getByTestId("contact-count");
  }

  async tab(name: "audience" | "summary" | "feed" | "files") {
    await this.page.getByTestId(`tab-${name}`).click();
    await expect(this.page).toHaveURL(new RegExp(`tab=${name}`));
  }
}
