import { expect, test } from "@playwright/test";
import { DEMO_API_KEY } from "../esputnik-sim/config";
import { DEMO, LoginPage } from "./pages/login-page";
import { Shell } from "./pages/shell";
import { SettingsPage } from "./pages/settings-page";

test("an unauthenticated visit to a protected page redirects to login, and back after it", async ({ page }) => {
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fusers/);
  const login = new LoginPage(page);
  await login.fill(DEMO.admin.email, DEMO.admin.password);
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(page.getByTestId("users-table")).toBeVisible();
});

test("a crafted callbackUrl cannot send the user to another site", async ({ page }) => {
  await page.goto("/login?callbackUrl=//evil.example/phish");
  await new LoginPage(page).fill(DEMO.manager.email, DEMO.manager.password);
  await expect(page).toHaveURL(/localhost:\d+\/mailings$/);
});

test("wrong password shows one generic error; the right one opens the shell; language switch; sign out", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await login.fill(DEMO.admin.email, "definitely-wrong");
  await expect(login.error()).toHaveText("Невірний email або пароль.");
  await expect(page.locator('input[name="email"]')).toHaveValue(DEMO.admin.email);

  await login.fill(DEMO.admin.email, DEMO.admin.password);
  await expect(page).toHaveURL(/\/mailings$/);
  const shell = new Shell(page);
  await expect(shell.nav()).toContainText("Розсилки (eSputnik)");
  for (const section of ["Контакти", "Повідомлення", "Підсумки", "Налаштування"]) await expect(shell.nav()).toContainText(section);

  await shell.switchLanguage("en");
  await expect(shell.nav()).toContainText("Mailings (eSputnik)");
  await expect(shell.nav()).toContainText("Dashboards");
  // The choice is remembered: a fresh navigation stays in English.
  await page.goto("/contacts");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contacts");

  await shell.switchLanguage("ru");
  await expect(shell.nav()).toContainText("Рассылки (eSputnik)");
  await shell.switchLanguage("uk");

  await shell.signOut();
  await page.goto("/mailings");
  await expect(page).toHaveURL(/\/login/);
});

test("a viewer cannot open Settings and does not see it in the menu", async ({ page }) => {
  await new LoginPage(page).loginAs("viewer");
  await new Shell(page).switchLanguage("uk");
  await expect(new Shell(page).nav()).not.toContainText("Налаштування");
  await page.goto("/settings");
  await expect(page.getByTestId("no-access")).toBeVisible();
  await expect(page.getByTestId("esputnik-settings-form")).toHaveCount(0);
  await page.goto("/settings/users");
  await expect(page.getByTestId("no-access")).toBeVisible();
});

test("admin: settings never show the password; Test connection reports success and a clear failure", async ({ page }) => {
  await new LoginPage(page).loginAs("admin");
  const settings = new SettingsPage(page);
  await settings.goto();
  await new Shell(page).switchLanguage("en");
  const html = await page.content();
  expect(html).not.toContain("demo-esputnik-key");
  await expect(page.getByText("A password is stored.")).toBeVisible();

  // Demo mode points the settings at the built-in simulator.
  await settings.testConnection();
  await expect(page.getByTestId("test-connection-ok")).toContainText("Connected to");

  // The stored password belongs to its server: another address forgets it, so Test connection
  // never carries it there; with a password typed for it, the address is tried.
  const simulatorUrl = await settings.apiUrlValue();
  await settings.save({ apiUrl: "http://127.0.0.1:9/api" });
  await expect(page.getByText("No password stored yet.")).toBeVisible();
  await settings.testConnection();
  await expect(page.getByTestId("test-connection-error")).toContainText("eSputnik is not configured");
  await settings.save({ apiUrl: "http://127.0.0.1:9/api", password: "typed-for-this-server" });
  await settings.testConnection();
  await expect(page.getByTestId("test-connection-error")).toHaveText("eSputnik cannot be reached at this address.");

  // A bad address is refused with a translated message and the typed value stays.
  await settings.form().locator('input[name="apiUrl"]').fill("ftp://nope");
  await settings.saveButton().click();
  await expect(settings.form()).toContainText("Enter a valid address starting with http:// or https://.");
  await expect(settings.form().locator('input[name="apiUrl"]')).toHaveValue("ftp://nope");

  // Test connection tries what is typed, before it is saved — but a blank password stands for the
  // stored one only at the address it was saved for.
  await settings.fill({ apiUrl: simulatorUrl, password: "" });
  await settings.testConnection();
  await expect(page.getByTestId("test-connection-error")).toContainText("Enter the password or API key for this address");
  await settings.fill({ password: DEMO_API_KEY });
  await settings.testConnection();
  await expect(page.getByTestId("test-connection-ok")).toContainText("Connected to");

  await settings.save({ apiUrl: simulatorUrl, password: DEMO_API_KEY });
  await settings.testConnection();
  await expect(page.getByTestId("test-connection-ok")).toContainText("Connected to");
  await new Shell(page).switchLanguage("uk");
});

test("admin adds a user who can then log in with the given role", async ({ page, browser }) => {
  await new LoginPage(page).loginAs("admin");
  await new Shell(page).switchLanguage("uk");
  await page.goto("/settings/users");
  const email = `new.user.${Date.now()}@example.com`;
  const form = page.getByTestId("add-user-form");
  await form.locator('input[name="name"]').fill("Нова Людина");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('select[name="role"]').selectOption("viewer");
  await form.locator('input[name="password"]').fill("a-good-password");
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();

  const other = await browser.newContext();
  const p2 = await other.newPage();
  const login = new LoginPage(p2);
  await login.goto();
  await login.fill(email, "a-good-password");
  await expect(p2).toHaveURL(/\/mailings$/);
  await p2.goto("/settings");
  await expect(p2.getByTestId("no-access")).toBeVisible();

  // Disabling takes effect on the user's very next request.
  await page.getByTestId(`user-row-${email}`).getByRole("button", { name: "Вимкнути" }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("Вимкнений");
  await p2.goto("/mailings");
  await expect(p2).toHaveURL(/\/login/);
  await other.close();
});
