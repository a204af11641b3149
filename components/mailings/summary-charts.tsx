"use client";
import { BarList, Card, DonutChart, Metric, Text } from "@tremor/react";
import { useFormatter, useTranslations } from "next-intl";

type SummaryCard = { key: string; label: string; value: number; rate?: number };

const DONUT_KEYS = ["delivered", "notDelivered", "inProgress", "pending", "read"];

/** Tremor cards and a chart for the Summary tab; numbers and percentages in the user's locale. */
export function SummaryCharts({ title, cards, empty, emptyText, note }: { title: string; cards: SummaryCard[]; empty: boolean; emptyText: string; note?: string }) {
  const format = useFormatter();
  const t = useTranslations("summary");
  if (empty) return <p className="card text-sm text-gray-500">{emptyText}</p>;
  const outcome = cards.filter((c) => DONUT_KEYS.includes(c.key) && c.key !== "read");
  return (
    <div className="space-y-5" data-testid="summary">
      <h2 className="text-lg font-semibold">{title}</h2>
      {note ? <p className="text-sm text-gray-600">{note}</p> : null}
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {cards.map((c) => (
          <Card key={c.key} className="p-4" data-testid={`summary-${c.key}`}>
            <Text>{c.label}</Text>
            <Metric className="tabular-nums">{format.number(c.value)}</Metric>
            {c.rate !== undefined ? <Text className="mt-1">{format.number(c.rate, { style: "percent", maximumFractionDigits: 1 })}</Text> : null}
          </Card>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="p-4">
          <Text className="mb-3 font-medium">{t("outcomes")}</Text>
          <DonutChart
            data={outcome.map((c) => ({ name: c.label, value: c.value }))}
            category="value"
            index="name"
            colors={["emerald", "rose", "amber"]}
            valueFormatter={(v: number) => format.number(v)}
            className="h-48"
          />
        </Card>
        <Card className="p-4">
          <Text className="mb-3 font-medium">{t("funnel")}</Text>
          <BarList data={cards.map((c) => ({ name: c.label, value: c.value }))} valueFormatter={(v: number) => format.number(v)} />
        </Card>
      </div>
    </div>
  );
}
