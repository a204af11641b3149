import { issuesToFieldErrors } from "@/lib/server/form";
import type { ContactField } from "./contact-fields";
import { contactInput, type ContactInput } from "./contact-input";
import type { ImportMapping, RowProblem } from "./import-types";

/** One row of the file, read through the mapping: the contact it describes, or why it cannot be one. */
export type ReadRow = { row: number; cells: string[]; contact: ContactInput | null; problems: RowProblem[] };

/** Validates and normalises a row with the same rules as the contact form. */
export function readImportRow(mapping: ImportMapping, row: number, cells: string[]): ReadRow {
  const values: Partial<Record<ContactField, string>> = {};
  mapping.columns.forEach((field, i) => {
    if (field) values[field] = cells[i] ?? "";
  });
  const parsed = contactInput.safeParse(values);
  if (parsed.success) return { row, cells, contact: parsed.data, problems: [] };
  const problems = Object.entries(issuesToFieldErrors(parsed.error.issues)).flatMap(([field, errors]) =>
    errors.map((e) => ({ field: field as ContactField, key: `validation.${e.key}`, values: e.values })),
  );
  return { row, cells, contact: null, problems };
}

/**
 * Within one batch, the second row with an email or a mobile phone already seen is refused with
 * the number of the row it repeats (the first one wins, as a person reading the file expects).
 */
export function rejectRepeatsWithinBatch(rows: ReadRow[]): void {
  const firstByEmail = new Map<string, number>();
  const firstByPhone = new Map<string, number>();
  for (const r of rows) {
    if (!r.contact) continue;
    const { email, mobilePhone } = r.contact;
    const repeated =
      (email !== null && firstByEmail.has(email) && { field: "email" as const, of: firstByEmail.get(email)! }) ||
      (mobilePhone !== null && firstByPhone.has(mobilePhone) && { field: "mobilePhone" as const, of: firstByPhone.get(mobilePhone)! });
    if (repeated) {
      r.problems.push({ field: repeated.field, key: "csv.reasons.repeatsRow", values: { row: repeated.of } });
      r.contact = null;
      continue;
    }
    if (email !== null) firstByEmail.set(email, r.row);
    if (mobilePhone !== null) firstByPhone.set(mobilePhone, r.row);
  }
}

/**
 * Refuses the rows whose email or phone a contact in the base already has. A contact this same
 * import created from an earlier row (an earlier batch) makes the row a repeat of that row, as a
 * repeat within one batch is: the person fixing the file needs the row number, not "exists".
 */
export function rejectExisting(
  rows: ReadRow[],
  existing: { email: string | null; mobilePhone: string | null; importId: string | null; importRowNumber: number | null }[],
  importId: string,
): void {
  const byEmail = new Map(existing.filter((c) => c.email !== null).map((c) => [c.email!, c]));
  const byPhone = new Map(existing.filter((c) => c.mobilePhone !== null).map((c) => [c.mobilePhone!, c]));
  for (const r of rows) {
    if (!r.contact) continue;
    const email = r.contact.email !== null ? byEmail.get(r.contact.email) : undefined;
    const phone = r.contact.mobilePhone !== null ? byPhone.get(r.contact.mobilePhone) : undefined;
    const field = email ? "email" : phone ? "mobilePhone" : null;
    const found = email ?? phone;
    if (!field || !found) continue;
    r.problems.push(
      found.importId === importId && found.importRowNumber !== null
        ? { field, key: "csv.reasons.repeatsRow", values: { row: found.importRowNumber } }
        : { field, key: field === "email" ? "csv.reasons.emailExists" : "csv.reasons.phoneExists" },
    );
    r.contact = null;
  }
}
