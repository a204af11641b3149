import { z } from "zod";
import { CONTACT_FIELDS, type ContactField } from "./contact-fields";
import type { ImportMapping } from "./import-types";

/**
 * Column headers people use for each field, in Ukrainian, English and Russian (Creatio's and
 * eSputnik's exports included), compared without case, spaces or punctuation.
 */
const HEADER_WORDS: Record<ContactField, string[]> = {
  fullName: ["піб", "фио", "ім'я", "имя", "name", "fullname", "контакт", "contact", "прізвищеім'я", "фамилияимя"],
  accountName: ["контрагент", "компанія", "компания", "організація", "организация", "account", "company", "organization", "organisation"],
  jobTitle: ["посада", "должность", "jobtitle", "title", "position"],
  email: ["email", "e-mail", "пошта", "почта", "електроннапошта", "электроннаяпочта", "mail"],
  mobilePhone: ["мобільнийтелефон", "мобильныйтелефон", "мобільний", "мобильный", "mobile", "mobilephone", "phone", "телефон", "cell"],
  workPhone: ["робочийтелефон", "рабочийтелефон", "workphone", "businessphone", "officephone"],
  language: ["мова", "язык", "language", "lang", "locale"],
  doNotUseEmail: ["невикористовуватиemail", "неиспользоватьemail", "donotuseemail", "donotemail", "emailoptout"],
  doNotUseSms: ["невикористовуватиsms", "неиспользоватьsms", "donotusesms", "donotsms", "smsoptout"],
  emailInvalid: ["неактуальнаemailадреса", "неактуальныйemail", "emailinvalid", "invalidemail", "bounced"],
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_.\-:*"'’ʼ()]+/g, "");

/**
 * A first guess at the mapping from the header row. `labels` are the field names in the user's
 * language (what an export from this app writes), tried first. Each field is used once.
 */
export function guessMapping(header: string[], labels: Partial<Record<ContactField, string>> = {}): ImportMapping {
  const used = new Set<ContactField>();
  const columns = header.map((title) => {
    const key = squash(title);
    const field =
      CONTACT_FIELDS.find((f) => !used.has(f) && labels[f] !== undefined && squash(labels[f]!) === key) ??
      CONTACT_FIELDS.find((f) => !used.has(f) && HEADER_WORDS[f].some((w) => squash(w) === key));
    if (field) used.add(field);
    return field ?? null;
  });
  return { columns };
}

export const importMappingSchema = z.object({
  columns: z.array(z.enum(CONTACT_FIELDS).nullable()).min(1).max(200),
});

/** The code of what is wrong with a mapping (an i18n key), or null: the name is mapped, no field twice. */
export function mappingProblem(mapping: ImportMapping): string | null {
  if (!mapping.columns.includes("fullName")) return "csv.errors.nameNotMapped";
  const mapped = mapping.columns.filter((c) => c !== null);
  return new Set(mapped).size === mapped.length ? null : "csv.errors.fieldMappedTwice";
}
