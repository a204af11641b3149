/**
 * What a server-paginated table shows, kept in the URL so that a view can be bookmarked, shared,
 * reloaded and exported: ?page=2&size=50&sort=-createdAt&q=петренко&f.language=uk
 * Parsed on the server (the page queries with it) and rebuilt in the browser (the table changes
 * it). Unknown or malformed values fall back to defaults instead of failing the page.
 */
export type TableSort = { id: string; desc: boolean };
export type TableState = { page: number; pageSize: number; sort: TableSort; search: string; filters: Record<string, string> };

export type TableConfig = {
  sortable: readonly string[];
  defaultSort: TableSort;
  filterable: readonly string[];
  pageSizes: readonly number[];
  defaultPageSize: number;
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;
const FILTER_PREFIX = "f.";
const MAX_PAGE = 100_000;
const MAX_TEXT = 200;

function get(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

export function parseTableState(params: Params, config: TableConfig): TableState {
  const page = Number(get(params, "page"));
  const size = Number(get(params, "size"));
  const sortParam = get(params, "sort") ?? "";
  const sortId = sortParam.replace(/^-/, "");
  const filters: Record<string, string> = {};
  for (const id of config.filterable) {
    const value = get(params, FILTER_PREFIX + id)?.trim().slice(0, MAX_TEXT);
    if (value) filters[id] = value;
  }
  return {
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    pageSize: config.pageSizes.includes(size) ? size : config.defaultPageSize,
    sort: config.sortable.includes(sortId) ? { id: sortId, desc: sortParam.startsWith("-") } : config.defaultSort,
    search: (get(params, "q") ?? "").trim().slice(0, MAX_TEXT),
    filters,
  };
}

const ownsKey = (key: string) => ["page", "size", "sort", "q"].includes(key) || key.startsWith(FILTER_PREFIX);

/** The URL query for a state, keeping the parameters the table does not own (e.g. ?group=…) and leaving defaults out. */
export function tableStateToQuery(state: TableState, config: TableConfig, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const q = new URLSearchParams([...base.entries()].filter(([k]) => !ownsKey(k)));
  if (state.search) q.set("q", state.search);
  for (const [id, value] of Object.entries(state.filters)) if (value) q.set(FILTER_PREFIX + id, value);
  if (state.sort.id !== config.defaultSort.id || state.sort.desc !== config.defaultSort.desc) q.set("sort", `${state.sort.desc ? "-" : ""}${state.sort.id}`);
  if (state.pageSize !== config.defaultPageSize) q.set("size", String(state.pageSize));
  if (state.page > 1) q.set("page", String(state.page));
  return q;
}

/**
 * A change the user makes to the view. Column filters merge into the current ones (an empty value
 * removes one), so a change names only the column it is about and cannot carry back an older
 * value of another column.
 */
export type TablePatch = Partial<Omit<TableState, "filters">> & { filters?: Record<string, string> };

/** The view after a change. Anything but a page change starts again at page 1 (page 7 of another filter means nothing). */
export function applyTablePatch(state: TableState, patch: TablePatch): TableState {
  const filters = { ...state.filters };
  for (const [id, value] of Object.entries(patch.filters ?? {})) {
    if (value) filters[id] = value;
    else delete filters[id];
  }
  return { ...state, ...patch, filters, page: patch.page ?? 1 };
}

/** A view and its URL query (including the parameters the table does not own). */
export type TableView = { state: TableState; query: string };

/**
 * The view and URL query after a change to `base`. The base must be the view the user asked for
 * last, not the one on screen: while a page is loading the URL is still the one before it, and a
 * filter typed meanwhile would otherwise undo that change (or be undone when it lands).
 */
export function nextTableView(base: TableView, patch: TablePatch, config: TableConfig): TableView {
  const state = applyTablePatch(base.state, patch);
  return { state, query: tableStateToQuery(state, config, new URLSearchParams(base.query)).toString() };
}

export const offsetOf = (state: TableState) => (state.page - 1) * state.pageSize;
