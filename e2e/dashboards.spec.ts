import { expect, test, type Page } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { Shell } from "./pages/shell";
import { MailingPage } from "./pages/mailing-page";
import { DashboardsPage } from "./pages/dashboards-page";
import { demoSimulatorControl, SendPanel } from "./pages/send-panel";

/**
 * The section-level summaries (seed manual 3.3 and 4.4). The fixture is made through the UI: an
 * email and an SMS mailing with audiences, each on its own message, so that filtering the dashboard
 * by message isolates this test from what other specs create. Counts are compared before and after,
 * which keeps the test honest when the same data directory is reused.
 */

/** A message reference for one of the simulator's messages: reused when a previous run saved it. */
async function savedMessage(page: Page, m: { esputnikId: number; channel: "email" | "sms"; search: string }): Promise<{ id: string; name: string }> {
  await page.goto(`/messages?q=${m.esputnikId}&channel=${m.channel}`);
  const row = page.getByTestId("messages-table").locator("tr").filter({ has: page.locator("td.font-mono", { hasText: new RegExp(`^${m.esputnikId}$`) }) });
  if ((await row.count()) > 0) {
    const link = row.first().getByRole("link");
    return { id: (await link.getAttribute("href"))!.split("/").pop()!, name: (await link.innerText()).trim() };
  }
  await page.goto("/messages/new");
  await page.getByTestId("pick-from-esputnik").click();
  const picker = page.getByTestId("live-message-picker");
  await picker.getByRole("combobox").selectOption(m.channel);
  await picker.getByRole("textbox").fill(m.search);
  await picker.getByTestId(`live-message-${m.esputnikId}`).click();
  const form = page.getByTestId("message-form");
  await expect(form.locator('input[name="esputnikId"]')).toHaveValue(String(m.esputnikId));
  const name = await form.locator('input[name="name"]').inputValue();
  await form.getByRole("button", { name: "Зберегти" }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  return { id: page.url().split("/").pop()!, name };
}

test("the dashboard counts the mailings, links to them, and is saved as a screenshot", async ({ page }, testInfo) => {
  await new LoginPage(page).loginAs("manager");
  await new Shell(page).switchLanguage("uk");
  const run = Date.now().toString(36);
  const emailMessage = await savedMessage(page, { esputnikId: 318, channel: "email", search: "Розпродаж" });
  const smsMessage = await savedMessage(page, { esputnikId: 299, channel: "sms", search: "Нагадування" });

  const dash = new DashboardsPage(page);
  const emailView = { period: "7d", message: emailMessage.id };
  const smsView = { period: "7d", message: smsMessage.id };
  await dash.goto(emailView);
  const emailBefore = { total: await dash.read(dash.figure("email", "mailings-total")), drafts: await dash.read(dash.statusPart("email", "notSent", "draft")) };
  await dash.goto(smsView);
  const smsBefore = { total: await dash.read(dash.figure("sms", "mailings-total")), drafts: await dash.read(dash.statusPart("sms", "notSent", "draft")) };

  // The fixture, through the UI: two drafts with audiences.
  const mailing = new MailingPage(page);
  const emailName = `Розпродаж ${run}`;
  const smsName = `Нагадування SMS ${run}`;
  await mailing.create({ name: emailName, messageName: emailMessage.name });
  await mailing.importSelected(3);
  await mailing.create({ name: smsName, messageName: smsMessage.name });
  await mailing.importSelected(3);
  const smsContacts = Number((await mailing.contactCount().innerText()).replace(/\D/g, ""));
  expect(smsContacts).toBeGreaterThan(0);

  // Email: one more mailing, a draft; nothing sent, so the recipient figures are unchanged.
  await dash.goto(emailView);
  await expect(dash.figure("email", "mailings-total")).toHaveText(String(emailBefore.total + 1));
  await expect(dash.statusPart("email", "notSent", "draft")).toHaveText(String(emailBefore.drafts + 1));
  // The SMS message's mailings are not in this view.
  await expect(page.getByTestId("dash-sms-empty")).toBeVisible();

  // SMS: the same, plus the seed's two tables.
  await dash.goto({ ...smsView, pageSize: "100" });
  await expect(dash.figure("sms", "mailings-total")).toHaveText(String(smsBefore.total + 1));
  await expect(dash.statusPart("sms", "notSent", "draft")).toHaveText(String(smsBefore.drafts + 1));
  await expect(dash.topRow(smsName).getByTestId("dash-top-contacts")).toHaveText(String(smsContacts));
  const progress = dash.progressRow(smsName);
  await expect(progress).toContainText("Чернетка");
  await expect(progress.getByTestId("dash-progress-contacts")).toHaveText(String(smsContacts));
  await expect(progress.getByTestId("dash-progress-delivered")).toHaveText("0");
  await expect(progress.getByTestId("dash-progress-not-delivered")).toHaveText("0");

  // The artifact: the dashboard as the manager sees it.
  await page.screenshot({ path: "test-results/dashboard.png", fullPage: true });
  await testInfo.attach("dashboard", { path: "test-results/dashboard.png", contentType: "image/png" });

  // Numbers are links to what they counted: the "not delivered" of a mailing opens its audience filtered so…
  await progress.getByTestId("dash-progress-not-delivered").click();
  await expect(page).toHaveURL(/tab=audience&response=not_delivered/);
  await expect(page.getByTestId("audience-empty")).toBeVisible();
  // …and a status count opens the mailings list with that status, channel and period.
  await dash.goto(smsView);
  await dash.statusPart("sms", "notSent", "draft").click();
  await expect(page).toHaveURL(/\/mailings\?channel=sms&status=draft&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId("mailing-row").filter({ hasText: smsName })).toBeVisible();
});

test("the filter lives in the URL, the page speaks the visitor's language, and a viewer may read it", async ({ page }) => {
  await new LoginPage(page).loginAs("viewer");
  await new Shell(page).switchLanguage("en");
  const dash = new DashboardsPage(page);
  await dash.goto();
  await page.locator("#dash-period").selectOption("custom");
  await page.locator("#dash-from").fill("2020-01-01");
  await page.locator("#dash-to").fill("2020-01-31");
  await page.getByTestId("dashboard-filter-apply").click();
  await expect(page).toHaveURL(/period=custom&from=2020-01-01&to=2020-01-31/);
  // Nobody mailed in January 2020: a designed empty state, without a "create" button for a viewer.
  await expect(page.getByTestId("dashboard-empty")).toContainText("No mailings in this period");
  await expect(page.getByTestId("dashboard-empty-create")).toHaveCount(0);
  await page.getByTestId("dashboard-empty-widen").click();
  await expect(page).toHaveURL(/period=90d/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboards");
  await page.getByTestId("period-note").locator("summary").click();
  await expect(page.getByTestId("period-note")).toContainText("created");
});

/**
 * After a real send through the demo simulator (Run process → Send message, then Update status),
 * the dashboard counts the recipients the way each mailing's own Summary tab does.
 */
test("after the end-to-end send of an email and an SMS mailing, the dashboard shows their deliveries", async ({ page, browser }, testInfo) => {
  const sim = await demoSimulatorControl(browser);
  await new LoginPage(page).loginAs("manager");
  await new Shell(page).switchLanguage("uk");
  const run = Date.now().toString(36);
  const dash = new DashboardsPage(page);
  const mailing = new MailingPage(page);
  const panel = new SendPanel(page);

  for (const spec of [
    { channel: "email" as const, esputnikId: 305, search: "Підтвердження", name: `Підтвердження ${run}` },
    { channel: "sms" as const, esputnikId: 307, search: "Verification", name: `Код SMS ${run}` },
  ]) {
    const message = await savedMessage(page, { esputnikId: spec.esputnikId, channel: spec.channel, search: spec.search });
    const view = { period: "7d", message: message.id };
    await dash.goto(view);
    const before = {
      sent: await dash.read(dash.figure(spec.channel, "recipients-sent")),
      delivered: await dash.read(dash.figure(spec.channel, "recipients-delivered")),
      notDelivered: await dash.read(dash.figure(spec.channel, "recipients-notDelivered")),
    };

    await mailing.create({ name: spec.name, messageName: message.name });
    await mailing.importSelected(3);
    const promised = await panel.send();
    await panel.expectFinished();
    await sim.advance(300);
    await panel.runProcess("updateStatus");
    await expect(page.getByTestId("send-progress-checked")).toBeVisible({ timeout: 20_000 });

    await dash.goto(view);
    expect(await dash.read(dash.figure(spec.channel, "recipients-sent"))).toBe(before.sent + promised);
    const delivered = (await dash.read(dash.figure(spec.channel, "recipients-delivered"))) - before.delivered;
    const notDelivered = (await dash.read(dash.figure(spec.channel, "recipients-notDelivered"))) - before.notDelivered;
    // Every recipient reached a final status: delivered (or read / clicked) or not delivered.
    expect(delivered + notDelivered).toBe(promised);
    if (spec.channel === "sms") {
      const row = dash.progressRow(spec.name);
      await expect(row).toContainText("Надіслано");
      await expect(row).toContainText(String(promised));
    }
  }
  await page.screenshot({ path: testInfo.outputPath("dashboard-after-send.png"), fullPage: true });
  await page.screenshot({ path: "test-results/dashboard-after-send.png", fullPage: true });
});
