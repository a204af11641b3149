import path from "node:path";
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { Shell } from "./pages/shell";
import { MailingPage } from "./pages/mailing-page";

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

test("a viewer sees mailings but cannot change them", async ({ page }) => {
  await new LoginPage(page).loginAs("viewer");
  await page.goto("/mailings");
  await expect(page.getByTestId("add-mailing")).toHaveCount(0);
  await page.goto("/mailings/new");
  await expect(page.getByTestId("no-access")).toBeVisible();
});
