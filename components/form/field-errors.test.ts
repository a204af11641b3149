import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import en from "@/messages/en.json";
import type { FieldError } from "@/lib/server/form";
import { shownFieldErrors } from "./action-feedback";
import { TextField } from "./text-field";

// A field's server error shows until the user edits that field, and comes back only with the
// next answer of the action (useFieldErrors keeps the list that was showing at the edit).
describe("field errors", () => {
  const required: FieldError[] = [{ key: "required" }];

  it("show what the action returned until the field is edited", () => {
    expect(shownFieldErrors(required, undefined)).toBe(required);
    expect(shownFieldErrors(required, required)).toBeUndefined();
    expect(shownFieldErrors(undefined, undefined)).toBeUndefined();
    expect(shownFieldErrors([], undefined)).toBeUndefined();
  });

  it("show again with the next submission's answer, even when it reads the same", () => {
    const again: FieldError[] = [{ key: "required" }];
    expect(shownFieldErrors(again, required)).toBe(again);
  });

  it("render the error text and aria-invalid together, and neither without an error", () => {
    const render = (errors?: FieldError[]) =>
      renderToStaticMarkup(
        createElement(NextIntlClientProvider, {
          locale: "en",
          messages: en,
          timeZone: "Europe/Kyiv",
          children: createElement(TextField, { label: "Name", name: "name", hint: "A hint", errors }),
        }),
      );
    const withError = render(required);
    expect(withError).toContain('aria-invalid="true"');
    expect(withError).toContain(en.validation.required);
    const errorId = /<p class="field-error" id="([^"]+)"/.exec(withError)?.[1];
    expect(errorId).toBeTruthy();
    expect(withError).toContain(`aria-describedby="${errorId}"`);
    expect(withError).not.toContain("A hint");

    const clean = render(undefined);
    expect(clean).not.toContain("aria-invalid");
    expect(clean).not.toContain("field-error");
    expect(clean).toContain("A hint");
  });
});
