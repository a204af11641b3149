import type { Db } from "@/db/types";
import { countContactsUpTo, listContactRows } from "@/db/queries/contacts-list";
import { contactSearchCondition } from "@/lib/contacts/search";

export type PickerContact = { id: string; fullName: string; email: string | null; mobilePhone: string | null; accountName: string | null };

/** A page of contacts matching a search, for the pickers of the Audience tab. */
export async function searchContactsForPicker(
  db: Db,
  q: { search: string; page: number; pageSize: number },
): Promise<{ items: PickerContact[]; total: number; capped: boolean }> {
  const where = await contactSearchCondition(db, q.search);
  const [rows, count] = await Promise.all([
    listContactRows(db, { where, sort: { column: "fullName", desc: false }, offset: (q.page - 1) * q.pageSize, limit: q.pageSize }),
    countContactsUpTo(db, { where, cap: 10_000 }),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, fullName: r.fullName, email: r.email, mobilePhone: r.mobilePhone, accountName: r.accountName })),
    total: count.count,
    capped: count.capped,
  };
}
