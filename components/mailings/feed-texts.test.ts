import { describe, expect, it } from "vitest";
import { mailingEventKindEnum } from "@/db/schema";
import uk from "@/messages/uk.json";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { createTranslator } from "next-intl";
import { stringValues } from "./feed-values";

// The feed renders every event by its kind (feed-tab.tsx): a kind without a text shows the raw key
// to the user. The i18n check only compares languages with each other, so a text dropped from all
// three at once (as once happened) would pass it; this catches that.
describe("feed texts", () => {
  it.each(Object.entries({ uk, en, ru }))("exist in %s for every kind of mailing event", (_lang, messages) => {
    const texts = messages.feed.event as Record<string, string>;
    expect(mailingEventKindEnum.enumValues.filter((kind) => !texts[kind])).toEqual([]);
  });

  it("names the responses of a follow-up in the reader's language, not by their codes", () => {
    const t = createTranslator({ locale: "uk", messages: uk });
    const values = stringValues({ name: "Повторно", added: 2, responses: ["not_delivered", "read"] }, (code) => t(`responses.${code}` as never));
    expect(values).toEqual({ name: "Повторно", added: 2, responses: `${uk.responses.not_delivered}, ${uk.responses.read}` });
    expect(t("feed.event.follow_up_created", values as never)).not.toMatch(/not_delivered|read\b/);
  });
});
