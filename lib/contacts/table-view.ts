import { filterConditionSchema, type FilterCondition } from "./filter";
import type { ContactsView } from "./matching";

/** The columns the contacts table sorts by (each has an index: db/schema/contacts.ts). */
export const CONTACT_SORT_COLUMNS = ["createdAt", "fullName", "jobTitle", "email"] as const;
export type ContactSortColumn = (typeof CONTACT_SORT_COLUMNS)[number];

/** The contacts table's column filters: text columns match "contains", the language column "is". */
export const CONTACT_COLUMN_FILTERS = ["fullName", "accountName", "jobTitle", "email", "mobilePhone", "workPhone", "language"] as const;

/**
 * The view behind the contacts table (and its CSV export) from the URL's parts. Column filters are
 * ordinary filter conditions joined with AND; a value the filter schema refuses is ignored.
 */
export function contactsViewFromTable({
  groupId,
  accountId,
  search,
  filters,
}: {
  groupId?: string;
  accountId?: string;
  search: string;
  filters: Record<string, string>;
}): ContactsView {
  const conditions = CONTACT_COLUMN_FILTERS.flatMap((field): FilterCondition[] => {
    const value = filters[field];
    if (!value) return [];
    const parsed = filterConditionSchema.safeParse({ field, op: field === "language" ? "equals" : "contains", value });
    return parsed.success ? [parsed.data] : [];
  });
  return {
    groupId,
    accountId,
    search: search || undefined,
    filter: conditions.length ? { combinator: "and", conditions } : undefined,
  };
}
