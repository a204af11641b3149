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

  /**
   * "Import by filter" with conditions built on the spot: one "full name contains …" per value,
   * joined by AND or OR. Leaves the dialog open, so the caller can read the live count first.
   */
  async buildConditions({ combinator, nameContains }: { combinator: "and" | "or"; nameContains: string[] }) {
    await this.openAddMenu("filter");
    const dialog = this.page.getByTestId("import-filter-dialog");
    await dialog.getByTestId("import-source-conditions").check();
    await dialog.getByTestId("filter-combinator").first().selectOption(combinator);
    for (const [i, value] of nameContains.entries()) {
      if (i > 0) await dialog.getByTestId("filter-add-condition").first().click();
      await dialog.getByTestId("filter-value").nth(i).fill(value);
    }
    return dialog;
  }

  async submitConditions() {
    await this.page.getByTestId("import-filter-dialog").getByTestId("import-conditions-submit").click();
    await expect(this.page.getByTestId("import-result")).toBeVisible();
  }

  importResult() {
    return this.page.getByTestId("import-result");
  }

  recipients() {
    return this.page.getByTestId("audience-table").getByTestId("recipient-row");
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

  /**
   * A message reference to one of the simulator's messages, through the live picker; reused when
   * an earlier run (or spec) saved it already, since a message is unique per channel and id.
   * Returns its name as saved.
   */
  async ensureMessage({ esputnikId, channel, search }: { esputnikId: number; channel: "email" | "sms"; search: string }): Promise<string> {
    await this.page.goto(`/messages?q=${esputnikId}&channel=${channel}`);
    const row = this.page
      .getByTestId("messages-table")
      .locator("tr")
      .filter({ has: this.page.locator("td.font-mono", { hasText: new RegExp(`^${esputnikId}$`) }) });
    if ((await row.count()) > 0) return (await row.first().getByRole("link").innerText()).trim();
    await this.page.goto("/messages/new");
    await this.page.getByTestId("pick-from-esputnik").click();
    const picker = this.page.getByTestId("live-message-picker");
    await picker.getByRole("combobox").selectOption(channel);
    await picker.getByRole("textbox").fill(search);
    await picker.getByTestId(`live-message-${esputnikId}`).click();
    const form = this.page.getByTestId("message-form");
    await expect(form.locator('input[name="esputnikId"]')).toHaveValue(String(esputnikId));
    const name = await form.locator('input[name="name"]').inputValue();
    await form.getByRole("button", { name: "Зберегти" }).click();
    await expect(this.page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
    return name;
  }

  async tab(name: "audience" | "summary" | "feed" | "files") {
    await this.page.getByTestId(`tab-${name}`).click();
    await expect(this.page).toHaveURL(new RegExp(`tab=${name}`));
  }
}
