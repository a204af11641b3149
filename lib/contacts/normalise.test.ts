import { describe, expect, it } from "vitest";
import { contactInput } from "./contact-input";
import { normaliseEmail, normalisePhone, phoneDigits } from "./normalise";
import { parseLanguage } from "./languages";

describe("phone normalisation (E.164, Ukraine by default)", () => {
  it.each([
    ["067 123 45 67", "+380671234567"],
    ["0671234567", "+380671234567"],
    ["+38 (067) 123-45-67", "+380671234567"],
    ["380671234567", "+380671234567"],
    ["(044) 123-45-67", "+380441234567"],
    ["+1 206 480 3801", "+12064803801"],
  ])("%s → %s", (raw, e164) => expect(normalisePhone(raw)).toBe(e164));

  it.each(["", "12", "abc", "+380001234567", "8 067 123 45 67", "+38067123456789"])("refuses %j", (raw) => expect(normalisePhone(raw)).toBeNull());

  it("keeps only digits for phone searches", () => expect(phoneDigits("(067) 12-3")).toBe("067123"));
});

describe("email and language", () => {
  it("trims and lower-cases emails", () => expect(normaliseEmail("  Ivan.Petrenko@Gmail.COM ")).toBe("ivan.petrenko@gmail.com"));
  it.each([
    ["Українська", "uk"],
    ["EN", "en"],
    ["русский", "ru"],
    ["klingon", null],
  ])("language %s → %s", (raw, lang) => expect(parseLanguage(raw)).toBe(lang));
});

describe("contact input (form and CSV share it)", () => {
  it("normalises every field and turns blanks into null", () => {
    const parsed = contactInput.parse({
      fullName: "  Петренко Іван ",
      email: " Ivan@Example.COM",
      mobilePhone: "067 123 45 67",
      workPhone: "",
      language: "укр",
      jobTitle: " ",
      doNotUseSms: "так",
    });
    expect(parsed).toEqual({
      fullName: "Петренко Іван",
      accountName: null,
      jobTitle: null,
      email: "ivan@example.com",
      mobilePhone: "+380671234567",
      workPhone: null,
      language: "uk",
      doNotUseEmail: false,
      doNotUseSms: true,
      emailInvalid: false,
    });
  });

  it("refuses bad values with translatable keys", () => {
    const result = contactInput.safeParse({ fullName: "", email: "not-an-email", mobilePhone: "12345", language: "xx", doNotUseEmail: "maybe" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.email).toBe("validation.email");
    expect(messages.mobilePhone).toBe("validation.phone");
    expect(messages.language).toBe("validation.language");
    expect(messages.doNotUseEmail).toBe("validation.yesNo");
    expect(Object.keys(messages)).toContain("fullName");
  });
});
