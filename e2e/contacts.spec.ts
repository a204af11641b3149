import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { ContactsPage } from "./pages/contacts-page";

// The e2e server's database is shared by every spec: names carry a per-run marker, and counts are
// asserted only for what this run created.
const run = Date.now().toString().slice(-7);
const marker = `E2E-${run}`;

test("manager: create a contact, a dynamic group with its live count, a static group from three ticked contacts, a CSV import with a bad row", async ({ page }) => {
  await new LoginPage(page).loginAs("manager");
  const contacts = new ContactsPage(page);

  // A bad phone is refused with a translated reason; what was typed stays.
  await contacts.fillContact({ fullName: `${marker} Петренко Іван`, email: `Ivan.${run}@Example.com`, mobilePhone: "12345" });
  await expect(contacts.contactForm()).toContainText("Введіть правильний номер телефону");
  await expect(contacts.contactForm().locator('input[name="fullName"]')).toHaveValue(`${marker} Петренко Іван`);
  // Typed the national way, stored in E.164; the email lower-cased.
  await contacts.contactForm().locator('input[name="mobilePhone"]').fill(`050 ${run.slice(0, 3)} ${run.slice(3)}`);
  await contacts.contactForm().locator('button[type="submit"]').click();
  await expect(page.getByTestId("contact-name")).toContainText(`${marker} Петренко Іван`);
  await expect(page.getByTestId("contact-details")).toContainText(`+38050${run}`);
  await expect(page.getByTestId("contact-details")).toContainText(`ivan.${run}@example.com`);

  // A dynamic group: the live count follows the conditions before anything is saved.
  await contacts.startDynamicGroup(`${marker} динамічна`, marker);
  await expect(contacts.filterCount()).toHaveText("Умовам відповідає 1 контакт");
  await contacts.saveGroup();
  await expect(contacts.viewCount()).toHaveText("1 контакт");
  await expect(contacts.rows()).toHaveCount(1);

  // Three contacts ticked on two pages go into a new static group.
  await contacts.goto("?size=25");
  await contacts.tickRow(0);
  await contacts.nextPage();
  await contacts.tickRow(0);
  await contacts.tickRow(1);
  await expect(contacts.selectedCount()).toHaveText("Вибрано: 3");
  await contacts.addSelectionToNewGroup(`${marker} статична`);
  await expect(page.getByTestId("selection-result")).toHaveText(`Додано до групи «${marker} статична»: 3.`);
  await contacts.openGroup(`${marker} статична`);
  await expect(contacts.viewCount()).toHaveText("3 контакти");
  await expect(contacts.rows()).toHaveCount(3);
  // The groups list shows sizes: a static group's at once, a dynamic group's when pointed at.
  await expect(contacts.groupLink(`${marker} статична`).getByTestId("group-count")).toHaveText("3");
  await contacts.groupLink(`${marker} динамічна`).hover();
  await expect(contacts.groupLink(`${marker} динамічна`).getByTestId("group-count")).toHaveText("1");

  // A CSV file with one bad row: two contacts come in, the bad row is reported with its reason.
  const csv = [
    "ПІБ;Email;Мобільний телефон;Контрагент",
    `${marker} Коваль Олена;olena.${run}@example.com;+38063${run};Infocom`,
    `${marker} Bad Phone;bad.${run}@example.com;12345;Infocom`,
    `${marker} Andrew Barber;andrew.${run}@example.com;;Axiom`,
  ].join("\n");
  await contacts.importCsv(`contacts-${run}.csv`, csv);
  await expect(contacts.importProgress()).toContainText("Імпорт завершено: додано 2, відхилено 1.");
  await expect(contacts.rejectedRow(3)).toContainText("Мобільний телефон: Введіть правильний номер телефону");
  await expect(contacts.rejectedRow(3)).toContainText(`${marker} Bad Phone`);
  // The import lives on the server: a reload (or another tab) finds the same result.
  await page.reload();
  await expect(contacts.importProgress()).toContainText("Імпорт завершено: додано 2, відхилено 1.");
  await expect(contacts.rejectedRow(3)).toContainText(`${marker} Bad Phone`);

  // The dynamic group is a saved filter: the imported contacts are in it now.
  await contacts.goto();
  await contacts.openGroup(`${marker} динамічна`);
  await expect(contacts.viewCount()).toHaveText("3 контакти");
  await contacts.search(`olena.${run}`);
  await expect(contacts.rows()).toHaveCount(1);
});

test("the sidebar keeps Contacts highlighted on the accounts tab", async ({ page }) => {
  await new LoginPage(page).loginAs("viewer");
  await page.goto("/accounts");
  await expect(page.getByRole("navigation", { name: "Головне меню" }).getByRole("link", { name: "Контакти" })).toHaveAttribute("aria-current", "page");
});

test("viewer: reads contacts, but cannot change them", async ({ page }) => {
  await new LoginPage(page).loginAs("viewer");
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await expect(contacts.rows().first()).toBeVisible();
  await expect(page.getByTestId("new-contact")).toHaveCount(0);
  await expect(contacts.rows().first().getByRole("checkbox")).toHaveCount(0);
  await page.goto("/contacts/new");
  await expect(page.getByTestId("no-access")).toBeVisible();
});
