import { describe, expect, it } from "vitest";
import { applyTablePatch, nextTableView, parseTableState, tableStateToQuery, type TableConfig } from "./table-state";

const config: TableConfig = {
  sortable: ["createdAt", "fullName"],
  defaultSort: { id: "createdAt", desc: true },
  filterable: ["fullName", "language"],
  pageSizes: [25, 50],
  defaultPageSize: 50,
};

describe("table state in the URL", () => {
  it("reads page, size, sort, search and column filters", () => {
    expect(parseTableState(new URLSearchParams("page=3&size=25&sort=fullName&q=%20Петренко%20&f.language=uk&f.secret=x"), config)).toEqual({
      page: 3,
      pageSize: 25,
      sort: { id: "fullName", desc: false },
      search: "Петренко",
      filters: { language: "uk" },
    });
  });

  it("falls back to defaults for anything malformed", () => {
    expect(parseTableState({ page: "-1", size: "1000", sort: "-password_hash", q: ["a", "b"] }, config)).toEqual({
      page: 1,
      pageSize: 50,
      sort: { id: "createdAt", desc: true },
      search: "a",
      filters: {},
    });
  });

  it("writes only what differs from the defaults and keeps parameters it does not own", () => {
    const state = parseTableState(new URLSearchParams("sort=-fullName&page=2&f.fullName=ann"), config);
    expect(tableStateToQuery(state, config, new URLSearchParams("group=42&page=9")).toString()).toBe("group=42&f.fullName=ann&sort=-fullName&page=2");
    expect(tableStateToQuery(parseTableState({}, config), config).toString()).toBe("");
  });

  it("merges a changed column filter into the others, removes an emptied one and goes back to page 1 unless the page is the change", () => {
    const state = parseTableState(new URLSearchParams("page=4&f.fullName=ann&f.language=uk"), config);
    expect(applyTablePatch(state, { filters: { language: "" } })).toEqual({ ...state, page: 1, filters: { fullName: "ann" } });
    expect(applyTablePatch(state, { filters: { fullName: "bob" } }).filters).toEqual({ fullName: "bob", language: "uk" });
    expect(applyTablePatch(state, { sort: { id: "fullName", desc: false } }).page).toBe(1);
    expect(applyTablePatch(state, { page: 5 })).toEqual({ ...state, page: 5 });
  });

  it("builds each change on the view asked for last, so a filter typed while the previous page loads keeps that page's change", () => {
    const landed = { state: parseTableState(new URLSearchParams("group=42&page=3"), config), query: "group=42&page=3" };
    const first = nextTableView(landed, { search: "петренко" }, config);
    // The URL (and `landed`) is still the old one here; the second change is built on `first`.
    const second = nextTableView(first, { filters: { language: "uk" } }, config);
    expect(second.state).toEqual({ ...landed.state, page: 1, search: "петренко", filters: { language: "uk" } });
    expect(second.query).toBe(new URLSearchParams("group=42&q=петренко&f.language=uk").toString());
    // Going back to the defaults keeps only what the table does not own.
    expect(nextTableView(second, { search: "", filters: { language: "" } }, config).query).toBe("group=42");
  });
});
