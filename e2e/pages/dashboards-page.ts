import { expect, type Locator, type Page } from "@playwright/test";

type Channel = "email" | "sms";

/** The Dashboards page ("Підсумки"): filters in the URL, figures as links, the SMS tables. */
export class DashboardsPage {
  constructor(readonly page: Page) {}

  async goto(params: Record<string, string> = {}) {
    await this.page.goto(`/dashboards?${new URLSearchParams(params).toString()}`);
    await expect(this.page.getByTestId("dashboard-filter")).toBeVisible();
  }

  section(channel: Channel): Locator {
    return this.page.getByTestId(`dash-${channel}`);
  }

  /** A card's main number, e.g. figure("email", "mailings-total"). */
  figure(channel: Channel, key: string): Locator {
    return this.page.getByTestId(`dash-${channel}-${key}-value`);
  }

  /** One status inside a card that adds several up, e.g. status("sms", "notSent", "draft"). */
  statusPart(channel: Channel, figure: string, status: string): Locator {
    return this.page.getByTestId(`dash-${channel}-mailings-${figure}-${status}`);
  }

  /** A figure as a number: the page formats it for the visitor's locale (e.g. "1 234"). A channel with no mailings shows none: 0. */
  async read(locator: Locator): Promise<number> {
    if ((await locator.count()) === 0) return 0;
    return Number((await locator.innerText()).replace(/\D/g, ""));
  }

  topRow(name: string): Locator {
    return this.page.getByTestId("dash-top-row").filter({ hasText: name });
  }

  progressRow(name: string): Locator {
    return this.page.getByTestId("dash-progress-row").filter({ hasText: name });
  }
}
