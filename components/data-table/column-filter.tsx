"use client";
import { useTranslations } from "next-intl";
import type { ColumnFilterSpec } from "./column-meta";
import { DebouncedInput } from "./debounced-input";

export function ColumnFilter({ spec, value, label, onChange }: { spec: ColumnFilterSpec; value: string; label: string; onChange: (value: string) => void }) {
  const t = useTranslations("dataTable");
  const className = "w-full min-w-[6rem] rounded border border-gray-300 bg-white px-2 py-1 text-xs font-normal text-gray-800";
  if (spec.kind === "select") {
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} className={className}>
        <option value="">{t("any")}</option>
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return <DebouncedInput type="search" aria-label={label} placeholder={t("filter")} value={value} onChange={onChange} className={className} />;
}
