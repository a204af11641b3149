import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import uk from "@/messages/uk.json";
import en from "@/messages/en.json";
import { FollowUpResponses, type ResponseCounts } from "./follow-up-responses";

const render = (locale: "uk" | "en", channel: "email" | "sms", counts: ResponseCounts) =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages: locale === "uk" ? uk : en,
      timeZone: "Europe/Kyiv",
      children: createElement(FollowUpResponses, { channel, counts, errors: undefined }),
    }),
  );
const text = (html: string, testId: string) => new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe("follow-up responses", () => {
  it("show each response's recipients in the reader's format, and the total of the ticked ones", () => {
    const counts: ResponseCounts = { not_delivered: 1234, delivered: 5, read: 7, clicked: 0, in_queue: 2, rejected: 1 };
    const html = render("uk", "email", counts);
    const group = new Intl.NumberFormat("uk").format(1234);
    expect(text(html, "follow-up-count-not_delivered")).toBe(group);
    expect(text(html, "follow-up-count-delivered")).toBe("5");
    expect(text(html, "follow-up-count-clicked")).toBe("0");
    // Only "not delivered" is ticked at first.
    expect(text(html, "follow-up-selected")).toBe(`Разом вибрано: ${group} одержувачі`);
    expect(render("en", "email", counts)).toContain("Selected in total: 1,234 recipients");
  });

  it("offer no read or clicked for an SMS, and count a response nobody has as 0", () => {
    const html = render("en", "sms", {});
    expect(html).not.toContain("follow-up-count-read");
    expect(html).not.toContain("follow-up-count-clicked");
    expect(text(html, "follow-up-count-not_delivered")).toBe("0");
    expect(text(html, "follow-up-selected")).toBe("Selected in total: 0 recipients");
    // The hint names no response an SMS cannot have.
    expect(html).not.toContain("“Read”");
    expect(render("en", "email", {})).toContain("“Read”");
  });
});
