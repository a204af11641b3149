import { expect, type Page } from "@playwright/test";

/** The contacts section: table, groups list, contact form, group form and CSV import. */
export class ContactsPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/contacts${query}`);
    await expect(this.table()).toBeVisible();
  }

  table() {
    return this.page.getByTestId("contacts-table");
  }

  rows() {
    return this.table().getByTestId("table-row");
  }

  viewCount() {
    return this.page.getByTestId("view-count");
  }

  async search(text: string) {
    await this.table().getByTestId("table-search").fill(text);
    await this.table().getByTestId("table-search").press("Enter");
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "\\+")}`));
  }

  async tickRow(index: number) {
    await this.rows().nth(index).getByRole("checkbox").check();
  }

  selectedCount() {
    return this.page.getByTestId("selected-count");
  }

  async nextPage() {
    const range = await this.page.getByTestId("table-range").textContent();
    await this.page.getByTestId("table-pagination").getByRole("button", { name: "Наступна сторінка" }).click();
    await expect(this.page.getByTestId("table-range")).not.toHaveText(range ?? "");
  }

  async addSelectionToNewGroup(name: string) {
    await this.page.getByTestId("selection-group").selectOption("__new");
    await this.page.getByTestId("selection-new-group").fill(name);
    await this.page.getByTestId("selection-add").click();
    await expect(this.page.getByTestId("selection-result")).toBeVisible();
  }

  async openGroup(name: string) {
    await this.page.getByTestId("group-tree").getByRole("link", { name }).click();
    await expect(this.page.getByTestId("view-title")).toHaveText(name);
  }

  contactForm() {
    return this.page.getByTestId("contact-form");
  }

  async fillContact(values: Record<string, string>) {
    await this.page.goto("/contacts/new");
    for (const [name, value] of Object.entries(values)) await this.contactForm().locator(`input[name="${name}"]`).fill(value);
    await this.contactForm().locator('button[type="submit"]').click();
  }

  groupForm() {
    return this.page.getByTestId("group-form");
  }

  /** A dynamic group with one condition "full name contains …", as the builder starts. */
  async startDynamicGroup(name: string, nameContains: string) {
    await this.goto();
    await this.page.getByTestId("new-dynamic-group").click();
    await this.groupForm().locator('input[name="name"]').fill(name);
    await this.groupForm().getByTestId("filter-value").first().fill(nameContains);
  }

  filterCount() {
    return this.page.getByTestId("filter-count");
  }

  async saveGroup() {
    await this.groupForm().locator('button[type="submit"]').click();
    await expect(this.page).toHaveURL(/\/contacts\?group=/);
  }

  groupLink(name: string) {
    return this.page.getByTestId("group-tree").getByRole("link", { name });
  }

  /** Chooses the file, checks the preview, starts: the import's own page opens and follows the background job. */
  async importCsv(fileName: string, content: string) {
    await this.page.goto("/contacts/import");
    await this.page.getByTestId("import-file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
    await expect(this.page.getByTestId("import-preview")).toBeVisible();
    await this.page.getByTestId("import-start").click();
    await expect(this.page).toHaveURL(/\/contacts\/import\/[0-9a-f-]{36}$/);
    await this.waitForImportEnd();
  }

  async waitForImportEnd() {
    await expect(this.importProgress()).toHaveAttribute("data-status", /^(done|failed)$/, { timeout: 30_000 });
  }

  importProgress() {
    return this.page.getByTestId("import-progress");
  }

  rejectedRow(rowNumber: number) {
    return this.page.getByTestId(`rejected-row-${rowNumber}`);
  }
}
