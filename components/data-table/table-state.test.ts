import { describe, expect, it } from "vitest";
import { parseTableState, tableStateToQuery, type TableConfig } from "./table-state";

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
});
