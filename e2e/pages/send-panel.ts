import { expect, type Browser, type Page } from "@playwright/test";
import { LoginPage } from "./login-page";

/** "Run process" on a mailing's page, the Send dialog and the live progress bar (components/sending). */
export class SendPanel {
  constructor(readonly page: Page) {}

  async runProcess(item: "send" | "updateStatus" | "cancel" | "reconcile" | "resend") {
    await this.page.getByTestId("run-process-button").click();
    await this.page.getByTestId(`run-process-${item}`).click();
  }

  /** Run process → Send message → confirm; returns the count the dialog promised. */
  async send(): Promise<number> {
    await this.runProcess("send");
    const dialog = this.page.getByTestId("send-dialog");
    await expect(dialog).toBeVisible();
    // The button says how many it sends to: "Надіслати 37 одержувачам".
    const count = Number((await dialog.getByTestId("send-confirm").innerText()).replace(/\D/g, ""));
    await dialog.getByTestId("send-confirm").click();
    await expect(dialog).toBeHidden();
    return count;
  }

  progress() {
    return this.page.getByTestId("send-progress");
  }

  /** Waits, without reloading, until the progress bar shows the mailing finished. */
  async expectFinished(status: "sent" | "partially_sent" = "sent", timeout = 30_000) {
    await expect(this.progress()).toHaveAttribute("data-status", status, { timeout });
    await expect(this.page.getByTestId("send-progress-remaining")).toHaveText("0");
  }
}

/**
 * The demo's built-in simulator listens on a port chosen at start; the Settings page (admin only)
 * shows its address. Its control API moves simulated time, so statuses settle without waiting.
 */
export async function demoSimulatorControl(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).loginAs("admin");
  await page.goto("/settings");
  const apiUrl = await page.getByTestId("esputnik-settings-form").locator('input[name="apiUrl"]').inputValue();
  await context.close();
  const control = apiUrl.replace(/\/api\/?$/, "/__sim");
  return {
    async advance(seconds: number) {
      const response = await fetch(`${control}/advance`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) });
      expect(response.ok).toBe(true);
    },
  };
}
