import { parseTableState, type TableConfig } from "@/components/data-table/table-state";
import { CONTACT_COLUMN_FILTERS, CONTACT_SORT_COLUMNS, contactsViewFromTable } from "@/lib/contacts/table-view";
import type { ContactsView } from "@/lib/contacts/matching";

/** Shared by the contacts page, its export route and its actions, so that all read the URL alike. */
export const CONTACTS_TABLE: TableConfig = {
  sortable: CONTACT_SORT_COLUMNS,
  defaultSort: { id: "createdAt", desc: true },
  filterable: CONTACT_COLUMN_FILTERS,
  pageSizes: [25, 50, 100, 200],
  defaultPageSize: 50,
};

/** Counting stops here: beyond it the table says "more than 10,000". */
export const CONTACTS_COUNT_CAP = 10_000;

/** How many account names the contact form suggests (a datalist, not the full list). */
export const ACCOUNT_SUGGESTIONS = 300;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** Route and query ids are checked before they reach a uuid column (which would throw). */
export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

function idParam(params: Params, name: "group" | "account"): string | undefined {
  const raw = params instanceof URLSearchParams ? params.get(name) : params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && isUuid(value) ? value : undefined;
}

/**
 * Everything a contacts URL selects — group (?group=), account (?account=), search, column
 * filters and sort — as the request the page, the export and "add all found" share.
 */
export function contactsRequestFromParams(params: Params) {
  const state = parseTableState(params, CONTACTS_TABLE);
  return { state, request: { groupId: idParam(params, "group"), accountId: idParam(params, "account"), search: state.search, filters: state.filters, sort: state.sort } };
}

/** The view a contacts URL shows: for "add all found to a group". */
export function contactsViewFromQuery(params: URLSearchParams): ContactsView {
  return contactsViewFromTable(contactsRequestFromParams(params).request);
}
