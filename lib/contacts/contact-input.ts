import { z } from "zod";
import { parseLanguage } from "./languages";
import type { ContactField } from "./contact-fields";
import { normaliseEmail, normalisePhone } from "./normalise";

/**
 * The fields of a contact as people type them — in the form or in a CSV file — validated and
 * normalised by the same per-field schemas, so both paths refuse the same values with the same
 * (translated) reasons. Empty optional fields become null.
 */
const emptyToNull = (v: string) => (v === "" ? null : v);
const optionalText = (max: number) => z.string().trim().max(max).transform(emptyToNull).default(null);

const email = z
  .string()
  .trim()
  .max(320)
  .transform(normaliseEmail)
  .refine((v) => v === "" || z.email().safeParse(v).success, { message: "validation.email" })
  .transform(emptyToNull)
  .default(null);

const phone = z
  .string()
  .trim()
  .max(40)
  .transform((v, ctx) => {
    if (v === "") return null;
    const e164 = normalisePhone(v);
    if (!e164) ctx.addIssue({ code: "custom", message: "validation.phone" });
    return e164;
  })
  .default(null);

const language = z
  .string()
  .trim()
  .max(40)
  .transform((v, ctx) => {
    if (v === "") return null;
    const lang = parseLanguage(v);
    if (!lang) ctx.addIssue({ code: "custom", message: "validation.language" });
    return lang;
  })
  .default(null);

/** Yes / no as a check-box ("on"), JSON (true) or a spreadsheet cell ("так", "no", "1"). */
const TRUE_WORDS = ["on", "true", "1", "yes", "y", "так", "да", "x", "+"];
const FALSE_WORDS = ["", "off", "false", "0", "no", "n", "ні", "нет", "-"];
const flag = z
  .union([z.boolean(), z.string()])
  .transform((v, ctx) => {
    if (typeof v === "boolean") return v;
    const word = v.trim().toLowerCase();
    if (TRUE_WORDS.includes(word)) return true;
    if (!FALSE_WORDS.includes(word)) ctx.addIssue({ code: "custom", message: "validation.yesNo" });
    return false;
  })
  .default(false);

export const contactFieldSchemas = {
  fullName: z.string().trim().min(1).max(200),
  accountName: optionalText(200),
  jobTitle: optionalText(200),
  email,
  mobilePhone: phone,
  workPhone: phone,
  language,
  doNotUseEmail: flag,
  doNotUseSms: flag,
  emailInvalid: flag,
} satisfies Record<ContactField, z.ZodType>;

export const contactInput = z.object(contactFieldSchemas);
export type ContactInput = z.output<typeof contactInput>;

export const updateContactInput = contactInput.extend({ id: z.uuid() });
