"use client";
import { useFormatter, useTranslations } from "next-intl";
import { offsetOf, type TableConfig, type TableState } from "./table-state";

/**
 * "1–50 of 1,234" (or "1–50" while the count is elsewhere), previous / next and the page size.
 * While another view loads, previous / next wait: "next" of rows about to be replaced means nothing.
 */
export function TablePagination({
  state,
  asked,
  pending,
  config,
  shown,
  hasNext,
  total,
  onChange,
}: {
  /** The view on screen: its range and page. */
  state: TableState;
  /** The view last asked for, still loading while `pending`: the page size shows it at once. */
  asked: TableState;
  pending: boolean;
  config: TableConfig;
  shown: number;
  hasNext: boolean;
  total?: { count: number; capped: boolean };
  onChange: (patch: Partial<TableState>) => void;
}) {
  const t = useTranslations("dataTable");
  const format = useFormatter();
  const from = shown === 0 ? 0 : offsetOf(state) + 1;
  const to = offsetOf(state) + shown;
  const values = { from: format.number(from), to: format.number(to), total: format.number(total?.count ?? 0) };
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 px-3 py-2 text-sm text-gray-600" data-testid="table-pagination">
      <span data-testid="table-range">{!total ? t("rangeOpen", values) : total.capped ? t("rangeCapped", values) : t("range", values)}</span>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1">
          {t("rowsPerPage")}
          <select
            value={asked.pageSize}
            onChange={(e) => onChange({ pageSize: Number(e.target.value) })}
            className="rounded border border-gray-300 bg-white px-1 py-0.5"
          >
            {config.pageSizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn-secondary px-2 py-1" disabled={pending || state.page <= 1} onClick={() => onChange({ page: state.page - 1 })} aria-label={t("previous")}>
          ‹
        </button>
        <span>{t("page", { page: format.number(state.page) })}</span>
        <button type="button" className="btn-secondary px-2 py-1" disabled={pending || !hasNext} onClick={() => onChange({ page: state.page + 1 })} aria-label={t("next")}>
          ›
        </button>
      </div>
    </div>
  );
}
