import { describe, expect, it } from "vitest";
import { mailingInput } from "./mailings";

describe("mailingInput", () => {
  it("asks to choose a message when none is chosen, and calls a malformed id invalid", () => {
    const blank = mailingInput.safeParse({ name: "Вебінар", messageId: "" });
    expect(blank.success ? [] : blank.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["messageId", "validation.chooseMessage"]]);
    const malformed = mailingInput.safeParse({ name: "Вебінар", messageId: "not-an-id" });
    expect(malformed.success ? [] : malformed.error.issues.map((i) => i.message)).not.toContain("validation.chooseMessage");
    expect(mailingInput.safeParse({ name: "Вебінар", messageId: "0b0f5a3e-7c1d-4e59-9a55-2b8e3f4d6a10" }).success).toBe(true);
  });
});
