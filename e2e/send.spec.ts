import { expect, test, type Page } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { Shell } from "./pages/shell";
import { MailingPage } from "./pages/mailing-page";
import { demoSimulatorControl, SendPanel } from "./pages/send-panel";

/**
 * The seed manual's "Run process" (3.2 email, 4.3 SMS) end to end against the demo simulator:
 * Send message with its confirmation, the progress bar finishing without a reload, then Update
 * status, and every recipient's response with Done = yes in the Audience tab.
 */
async function saveMessage(page: Page, { query, esputnikId, name, channel }: { query: string; esputnikId: number; name: string; channel: "email" | "sms" }) {
  await page.goto("/messages/new");
  await page.getByTestId("pick-from-esputnik").click();
  const picker = page.getByTestId("live-message-picker");
  await picker.getByRole("combobox").selectOption(channel);
  await picker.getByRole("textbox").fill(query);
  await picker.getByTestId(`live-message-${esputnikId}`).click();
  const form = page.getByTestId("message-form");
  await form.locator('input[name="name"]').fill(name);
  await form.getByRole("button", { name: "Зберегти" }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
}

async function sendAndCheck(page: Page, sim: Awaited<ReturnType<typeof demoSimulatorControl>>) {
  const panel = new SendPanel(page);
  const promised = await panel.send();
  expect(promised).toBeGreaterThan(0);
  await panel.expectFinished();
  await expect(page.getByTestId("send-progress-accepted")).toHaveText(String(promised));
  await expect(page.getByTestId("mailing-status")).toHaveText("Надіслано");

  // Statuses settle on the simulator's clock: move it past delivery (SMS take 30 s), then ask.
  await sim.advance(300);
  await panel.runProcess("updateStatus");
  await expect(page.getByTestId("run-process-notice")).toBeVisible();
  await expect(page.getByTestId("send-progress-checked")).toBeVisible({ timeout: 20_000 });

  const mailing = new MailingPage(page);
  await mailing.tab("audience");
  // Everyone sent to has a final response and Done = yes (excluded contacts, if any, were not sent to).
  const table = page.getByTestId("audience-table");
  const final = /^(Доставлено|Прочитано|Перехід за посиланням|Не доставлено)$/;
  await expect(table.getByTestId("recipient-response").filter({ hasText: final })).toHaveCount(promised);
  await expect(table.getByTestId("recipient-done").filter({ hasText: "Так" })).toHaveCount(promised);
  await expect(table.getByTestId("recipient-response").filter({ hasText: /Доставлено|Прочитано|Перехід/ }).first()).toBeVisible();
}

test("email: Run process → Send message, progress to the end, Update status, responses and Done", async ({ page, browser }) => {
  const sim = await demoSimulatorControl(browser);
  await new LoginPage(page).loginAs("manager");
  await new Shell(page).switchLanguage("uk");
  const run = Date.now().toString(36);
  await saveMessage(page, { query: "newsletter", esputnikId: 301, name: `Вебінар ${run}`, channel: "email" });
  const mailing = new MailingPage(page);
  await mailing.create({ name: `Вечірній вебінар ${run}`, messageName: `Вебінар ${run}` });
  await mailing.importSelected(3);
  await sendAndCheck(page, sim);
  // The feed records who sent, and to how many.
  await mailing.tab("feed");
  await expect(page.getByTestId("feed-send_requested")).toBeVisible();
  await expect(page.getByTestId("feed-sent")).toBeVisible();
});

test("SMS: the same flow with an alpha name", async ({ page, browser }) => {
  const sim = await demoSimulatorControl(browser);
  await new LoginPage(page).loginAs("manager");
  await new Shell(page).switchLanguage("uk");
  const run = Date.now().toString(36);
  await saveMessage(page, { query: "Order", esputnikId: 296, name: `Акція ${run}`, channel: "sms" });
  const mailing = new MailingPage(page);
  await mailing.create({ name: `Акційна пропозиція SMS ${run}`, messageName: `Акція ${run}` });
  await mailing.importSelected(3);
  await sendAndCheck(page, sim);
});

test("a viewer sees the progress but cannot run processes", async ({ page }) => {
  await new LoginPage(page).loginAs("viewer");
  await page.goto("/mailings");
  const first = page.getByTestId("mailing-row").first();
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/mailings\/[0-9a-f-]{36}/);
  await expect(page.getByTestId("run-process-button")).toBeDisabled();
});
