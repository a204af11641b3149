import path from "node:path";
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { Shell } from "./pages/shell";
import { MailingPage } from "./pages/mailing-page";
import { ContactsPage } from "./pages/contacts-page";
import { SendPanel } from "./pages/send-panel";

/**
 * Contacts of one test, named with a per-run marker (the e2e database is shared by every spec and
 * kept between runs), so that filters and searches find exactly these people.
 */
async function createContacts(contacts: ContactsPage, people: Record<string, string>[]) {
  for (const person of people) {
    await contacts.fillContact(person);
    await expect(contacts.page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  }
}

/** "Welcome series #1" (simulator id 312): no other spec uses it, so these mailings stay apart. */
const WELCOME = { esputnikId: 312, channel: "email" as const, search: "Welcome" };

/**
 * The seed manual's email flow (section 3.2) up to the point of sending: a message picked from the
 * eSputnik account, a mailing, an audience from a dynamic group plus three hand-picked contacts,
 * the contact count and the pre-flight summary, a note, a file, and the feed.
 */
test("email flow up to sending", async ({ page }) => {
  await new LoginPage(page).loginAs("manager");
  await new Shell(page).switchLanguage("uk");
  const run = Date.now().toString(36);

  // 1. The message, picked from the simulator's live list (nobody copies ids by hand).
  await page.goto("/messages/new");
  await page.getByTestId("pick-from-esputnik").click();
  const picker = page.getByTestId("live-message-picker");
  await picker.getByRole("textbox").fill("вебінар");
  await picker.getByTestId("live-message-293").click();
  const form = page.getByTestId("message-form");
  await expect(form.locator('input[name="esputnikId"]')).toHaveValue("293");
  await form.locator('input[name="name"]').fill(`Запрошення на вебінар ${run}`);
  await form.getByRole("button", { name: "Зберегти" }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);

  // 2. The mailing: name, group (follows the name), the message through the lookup dialog.
  const mailing = new MailingPage(page);
  const name = `Вечірній вебінар ${run}`;
  await mailing.create({ name, messageName: `Запрошення на вебінар ${run}` });
  await expect(page.getByTestId("preflight")).toContainText("ще ніхто не отримає");

  // 3. Audience: a dynamic group, then three selected contacts.
  await mailing.importGroup("динамічна");
  const afterGroup = Number((await mailing.contactCount().innerText()).replace(/\D/g, ""));
  expect(afterGroup).toBeGreaterThan(0);
  await mailing.importSelected(3);
  await expect(mailing.contactCount()).not.toHaveText(String(afterGroup));
  const total = Number((await mailing.contactCount().innerText()).replace(/\D/g, ""));
  expect(total).toBeGreaterThan(afterGroup);
  expect(total).toBeLessThanOrEqual(afterGroup + 3);
  await expect(page.getByTestId("preflight")).toContainText(/отрима/);
  await expect(page.getByTestId("audience-table").getByTestId("recipient-row").first()).toBeVisible();

  // 4. A note and a file.
  await mailing.tab("files");
  await page.getByTestId("notes-form").locator("textarea").fill("Надіслати після 18:00");
  await page.getByTestId("notes-form").getByRole("button", { name: "Зберегти" }).click();
  await expect(page.getByTestId("notes-form").getByRole("status")).toBeVisible();
  await page.getByTestId("upload-form").locator('input[type="file"]').setInputFiles({
    name: "brief.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Бриф вебінару"),
  });
  await page.getByTestId("upload-form").getByRole("button", { name: "Додати файл" }).click();
  await expect(page.getByTestId("files-list")).toContainText("brief.txt");
  const download = page.waitForEvent("download");
  await page.getByTestId("files-list").getByRole("link", { name: "brief.txt" }).click();
  expect(path.basename((await download).suggestedFilename())).toBe("brief.txt");

  // 5. The feed tells the story, and takes a comment.
  await mailing.tab("feed");
  await page.getByTestId("comment-form").locator("textarea").fill("Перевірте тему листа");
  await page.getByTestId("comment-form").getByRole("button").click();
  await expect(page.getByTestId("feed")).toContainText("Перевірте тему листа");
  await expect(page.getByTestId("feed-created")).toBeVisible();
  await expect(page.getByTestId("feed-audience_imported")).toHaveCount(2);
  await expect(page.getByTestId("feed-file_attached")).toBeVisible();

  // 6. The summary tab is there before sending, and the list shows the mailing with its count.
  await mailing.tab("summary");
  await expect(page.getByTestId("summary-total")).toContainText(String(total));
  await page.goto(`/mailings?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("mailing-row")).toHaveCount(1);
  await expect(page.getByTestId("mailing-row")).toContainText(String(total));
});

test("import by filter: an ad-hoc OR filter, its live count, and who was kept out and why", async ({ page }) => {
  await new LoginPage(page).loginAs("manager");
  await new Shell(page).switchLanguage("uk");
  const run = Date.now().toString(36);
  const marker = `MLF-${run}`;
  await createContacts(new ContactsPage(page), [
    { fullName: `${marker} Ярина Савчук`, email: `yaryna.${run}@filter.test` },
    { fullName: `${marker} Богдан Лисенко`, email: `bohdan.${run}@filter.test` },
    { fullName: `${marker} Без Пошти` },
  ]);
  const mailing = new MailingPage(page);
  const messageName = await mailing.ensureMessage(WELCOME);
  await mailing.create({ name: `Фільтр ${run}`, messageName });

  // Ярина OR the contact without an email: two match, Богдан does not.
  await mailing.buildConditions({ combinator: "or", nameContains: [`${marker} Ярина`, `${marker} Без`] });
  await expect(page.getByTestId("import-filter-dialog").getByTestId("filter-count")).toHaveText("Умовам відповідають 2 контакти");
  await mailing.submitConditions();
  await expect(mailing.importResult()).toHaveText("Додано 1; не отримають 1 (немає email 1); уже в аудиторії 0.");
  await expect(mailing.contactCount()).toHaveText("1");
  await expect(mailing.recipients()).toHaveCount(2);
  await expect(mailing.recipients().filter({ hasText: "Ярина Савчук" })).toBeVisible();
  await expect(mailing.recipients().filter({ hasText: "Без Пошти" })).toContainText("немає email");
  await expect(page.getByTestId("preflight")).toContainText("немає email");
});

test("add to mailing from the contacts table: ticked contacts, then all found, into a draft", async ({ page }) => {
  await new LoginPage(page).loginAs("manager");
  await new Shell(page).switchLanguage("uk");
  const run = Date.now().toString(36);
  const marker = `MLT-${run}`;
  const contacts = new ContactsPage(page);
  await createContacts(contacts, [
    { fullName: `${marker} Олесь Гончар`, email: `oles.${run}@tick.test` },
    { fullName: `${marker} Леся Українка`, email: `lesia.${run}@tick.test` },
  ]);
  const mailing = new MailingPage(page);
  const name = `Позначені ${run}`;
  await mailing.create({ name, messageName: await mailing.ensureMessage(WELCOME) });

  // Tick both in the contacts table and choose the draft by name.
  await contacts.goto();
  await contacts.search(marker);
  await expect(contacts.rows()).toHaveCount(2);
  await contacts.tickRow(0);
  await contacts.tickRow(1);
  const ticked = page.getByTestId("selection-mailing");
  await ticked.locator("summary").click();
  await ticked.getByTestId("mailing-target-search").fill(name);
  await expect(ticked.getByTestId("mailing-target-select").locator("option")).toHaveText([`${name} · Email`]);
  await ticked.getByTestId("mailing-target-add").click();
  await expect(ticked.getByTestId("mailing-target-result")).toContainText(`Розсилка «${name}»: Додано 2; не отримають 0; уже в аудиторії 0.`);

  // "Add all found" takes the whole view (the search): both are there already, added once.
  const all = page.getByTestId("add-view-to-group");
  await all.locator("summary").click();
  await all.getByTestId("mailing-target-search").fill(name);
  await expect(all.getByTestId("mailing-target-select").locator("option")).toHaveText([`${name} · Email`]);
  await all.getByTestId("mailing-target-add").click();
  await expect(all.getByTestId("mailing-target-result")).toContainText("Додано 0; не отримають 0; уже в аудиторії 2.");

  // The link opens the mailing's Audience tab with them.
  await all.locator("summary").click();
  await ticked.getByTestId("mailing-target-link").click();
  await expect(page).toHaveURL(/\/mailings\/[0-9a-f-]{36}\?tab=audience$/);
  await expect(page.getByTestId("mailing-title")).toHaveText(name);
  await expect(mailing.contactCount()).toHaveText("2");
  await expect(mailing.recipients()).toHaveCount(2);
  await expect(mailing.recipients().filter({ hasText: "Олесь Гончар" })).toBeVisible();
  await expect(mailing.recipients().filter({ hasText: "Леся Українка" })).toBeVisible();
  await mailing.tab("feed");
  await expect(page.getByTestId("feed-audience_imported")).toHaveCount(2);
});

test("a viewer sees mailings but cannot change them", async ({ page }) => {
  await new LoginPage(page).loginAs("viewer");
  await page.goto("/mailings");
  await expect(page.getByTestId("add-mailing")).toHaveCount(0);
  await page.goto("/mailings/new");
  await expect(page.getByTestId("no-access")).toBeVisible();
});

/**
 * The seed manual's literal path to a new message — "Add" inside the mailing's message lookup —
 * then one contact added by hand, sent, and a follow-up built from the results that starts from the
 * parent's message and sender name.
 */
test("add a message from inside the lookup, add one contact, then a follow-up from the results", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await new LoginPage(page).loginAs("manager");
  await new Shell(page).switchLanguage("uk");
  const run = Date.now().toString(36);
  const phone = `+38063${String(Date.now() % 10_000_000).padStart(7, "0")}`;
  const contacts = new ContactsPage(page);
  await createContacts(contacts, [{ fullName: `Тарас Одинак ${run}`, mobilePhone: phone }]);

  // The mailing form, with the lookup opened from inside it. Enter in the lookup's search box
  // searches; it does not submit the mailing (the dialog is not part of the mailing's form).
  await page.goto("/mailings/new");
  const form = page.getByTestId("mailing-form");
  const name = `Одному контакту ${run}`;
  await form.locator('input[name="name"]').fill(name);
  await page.getByTestId("message-lookup-open").click();
  const lookup = page.getByTestId("message-lookup-dialog");
  await lookup.getByRole("textbox").first().fill("Акція");
  await lookup.getByRole("textbox").first().press("Enter");
  await expect(lookup).toBeVisible();

  // "Додати" inside the lookup: a new message, saved and chosen in one go.
  await lookup.getByTestId("message-lookup-add").click();
  const messageForm = lookup.getByTestId("message-form");
  await messageForm.locator('input[name="name"]').fill(`Акція ${run}`);
  await messageForm.locator('input[name="esputnikId"]').fill("290");
  await messageForm.locator("select[name=channel]").selectOption("sms");
  await messageForm.getByRole("button", { name: "Зберегти" }).click();
  await expect(lookup).toBeHidden();
  await expect(page.getByTestId("message-lookup-value")).toContainText(`Акція ${run}`);
  // Had Enter (or the nested save) submitted the mailing form, it would show its errors by now.
  await expect(form.locator(".field-error")).toHaveCount(0);
  await expect(page).toHaveURL(/\/mailings\/new$/);
  await form.locator('input[name="alphaName"]').fill("PROMO");
  // Saved without a name: the field says so, and the error goes as soon as it is typed into.
  const nameInput = form.locator('input[name="name"]');
  await nameInput.fill("");
  await page.getByTestId("save-mailing").click();
  await expect(nameInput).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator(".field-error")).toHaveCount(1);
  await nameInput.fill(name);
  await expect(nameInput).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.locator(".field-error")).toHaveCount(0);
  await page.getByTestId("save-mailing").click();
  await expect(page).toHaveURL(/\/mailings\/[0-9a-f-]{36}$/);
  const parentPath = new URL(page.url()).pathname;

  // The Add menu works from the keyboard: it opens on its first item, arrows move, Escape closes
  // it and gives the focus back to its button.
  const addButton = page.getByTestId("audience-add");
  await addButton.click();
  await expect(page.getByTestId("audience-add-filter")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("audience-add-selected")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("audience-add-filter")).toBeHidden();
  await expect(addButton).toBeFocused();

  // One contact, picked by name.
  const mailing = new MailingPage(page);
  await mailing.openAddMenu("one");
  const picker = page.getByTestId("import-selected-dialog");
  await picker.getByRole("textbox").fill(`Одинак ${run}`);
  await expect(picker.getByRole("radio")).toHaveCount(1);
  await picker.getByRole("radio").check();
  await picker.getByTestId("import-selected-submit").click();
  await expect(mailing.importResult()).toBeVisible();
  // The dialog, closed, gives the focus back to the button its menu was opened from.
  await expect(addButton).toBeFocused();
  await expect(mailing.contactCount()).toHaveText("1");
  await expect(mailing.recipients()).toHaveCount(1);
  await expect(mailing.recipients().first()).toContainText(phone);

  // Sent, then a follow-up from its results: the parent's message and sender name come pre-filled.
  await expect(page.getByTestId("create-follow-up")).toHaveCount(0);
  const panel = new SendPanel(page);
  expect(await panel.send()).toBe(1);
  await panel.expectFinished();
  await page.getByTestId("create-follow-up").click();
  const followUp = page.getByTestId("follow-up-dialog");
  await expect(followUp.getByTestId("message-lookup-value")).toContainText(`Акція ${run}`);
  await expect(followUp.locator('input[name="alphaName"]')).toHaveValue("PROMO");
  // Whichever outcome the simulator has reached by now: still queued, delivered or not.
  await followUp.locator('input[name="responses"][value="in_queue"]').check();
  await followUp.locator('input[name="responses"][value="delivered"]').check();
  await expect(followUp.locator('input[name="responses"][value="not_sent"]')).toHaveCount(0);
  // Each response shows its recipients, as of the send that just finished: the one recipient is
  // counted under exactly one of them, and the ticked ones (with "not delivered") hold it.
  const counts = await Promise.all(["not_delivered", "delivered", "in_queue", "rejected"].map((r) => followUp.getByTestId(`follow-up-count-${r}`).innerText()));
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(1);
  await expect(followUp.getByTestId("follow-up-selected")).toContainText(/\b1\b/);
  await followUp.getByTestId("follow-up-submit").click();
  await expect(page).toHaveURL(/\/mailings\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("mailing-title")).toContainText(`${name} — за результатами`);
  await expect(mailing.contactCount()).toHaveText("1");
  await expect(page.locator('input[name="alphaName"]')).toHaveValue("PROMO");

  // The parent's feed names the chosen responses in words, not codes.
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${parentPath}$`));
  await mailing.tab("feed");
  await expect(page.getByTestId("feed-follow_up_created")).toBeVisible();
  await expect(page.getByTestId("feed-follow_up_created")).toContainText("Доставлено");
  await expect(page.getByTestId("feed-follow_up_created")).not.toContainText("in_queue");
  expect(errors).toEqual([]);
});
