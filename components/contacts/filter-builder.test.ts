import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import en from "@/messages/en.json";
import type { FieldErrors } from "@/lib/server/form";
import type { ContactFilter } from "@/lib/contacts/filter";
import { FilterBuilder } from "./filter-builder";

const filter: ContactFilter = {
  combinator: "and",
  conditions: [
    { field: "fullName", op: "contains", value: "" },
    { field: "email", op: "contains", value: "@example.com" },
  ],
};
const render = (errors?: FieldErrors) =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale: "en",
      messages: en,
      timeZone: "Europe/Kyiv",
      children: createElement(FilterBuilder, { group: filter, onChange: () => {}, staticGroups: [], errors }),
    }),
  );

// A condition's value error is tied to that condition's value field (and only that one) by
// aria-invalid and aria-describedby, like TextField's.
describe("filter builder errors", () => {
  it("mark the value of the condition the error is about, described by the error text", () => {
    const html = render({ "filter.conditions.0.value": [{ key: "required" }] });
    expect(html).toContain(en.validation.required);
    const errorId = /<p class="field-error" id="([^"]+)"/.exec(html)?.[1];
    expect(errorId).toBeTruthy();
    const values = [...html.matchAll(/<input[^>]*data-testid="filter-value"[^>]*>/g)].map((m) => m[0]);
    expect(values).toHaveLength(2);
    expect(values[0]).toContain('aria-invalid="true"');
    expect(values[0]).toContain(`aria-describedby="${errorId}"`);
    expect(values[1]).not.toContain("aria-invalid");
  });

  it("mark nothing without errors", () => {
    const html = render(undefined);
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("field-error");
  });
});
