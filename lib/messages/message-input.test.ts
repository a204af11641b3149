import { describe, expect, it } from "vitest";
import { issuesToFieldErrors } from "@/lib/server/form";
import { messageInput } from "./messages";

const errorsFor = (esputnikId: string) => {
  const parsed = messageInput.safeParse({ name: "Вебінар", esputnikId, channel: "email" });
  return parsed.success ? parsed.data.esputnikId : issuesToFieldErrors(parsed.error.issues).esputnikId;
};

describe("the message form's eSputnik id", () => {
  it("says what is wrong with it in the user's terms", () => {
    expect(errorsFor("")).toEqual([{ key: "required" }]);
    expect(errorsFor("  ")).toEqual([{ key: "required" }]);
    expect(errorsFor("abc")).toEqual([{ key: "wholeNumber" }]);
    expect(errorsFor("2.5")).toEqual([{ key: "wholeNumber" }]);
    expect(errorsFor("0")).toEqual([{ key: "tooSmall", values: { min: 1 } }]);
    expect(errorsFor(" 293 ")).toBe(293);
  });
});
