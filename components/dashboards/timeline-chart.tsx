"use client";
import { BarChart, type EventProps } from "@tremor/react";
import { useRouter } from "next/navigation";
import { useFormatter } from "next-intl";

/** One bucket as the server prepared it: a formatted date label and the list of its mailings. */
export type TimelineRow = { label: string; mailings: number; sent: number; delivered: number; href: string };
export type TimelineLabels = { mailings: string; sent: string; delivered: string; mailingsTitle: string; recipientsTitle: string; noData: string };

/**
 * Mailings and deliveries over time, in the visitor's locale. Tremor names series by their data
 * keys (the legend shows them), so rows are re-keyed by the translated series names. A click on a
 * point opens the mailings list for that bucket.
 */
export function TimelineChart({ rows, labels, testId }: { rows: TimelineRow[]; labels: TimelineLabels; testId: string }) {
  const format = useFormatter();
  const router = useRouter();
  const valueFormatter = (v: number) => format.number(v);
  const data = rows.map((r) => ({ label: r.label, href: r.href, [labels.mailings]: r.mailings, [labels.sent]: r.sent, [labels.delivered]: r.delivered }));
  const open = (e: EventProps) => {
    if (e && typeof e.href === "string") router.push(e.href);
  };
  const common = { data, index: "label", valueFormatter, yAxisWidth: 56, allowDecimals: false, noDataText: labels.noData, onValueChange: open };
  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid={testId}>
      <div>
        <p className="mb-2 text-sm font-medium text-gray-700">{labels.mailingsTitle}</p>
        <BarChart {...common} categories={[labels.mailings]} colors={["blue"]} className="h-56" />
      </div>
      <div>
        <p className="mb-2 text-sm font-medium text-gray-700">{labels.recipientsTitle}</p>
        <BarChart {...common} categories={[labels.sent, labels.delivered]} colors={["slate", "emerald"]} className="h-56" />
      </div>
    </div>
  );
}
