import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineRow } from "./timeline-chart";

/** The chart's numbers as a table, folded away: readable without the chart and with a screen reader. */
export async function TimelineTable({ rows }: { rows: TimelineRow[] }) {
  const t = await getTranslations("dashboards.timeline");
  const format = await getFormatter();
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-blue-700 hover:underline">{t("asTable")}</summary>
      <div className="mt-2 max-h-72 overflow-auto">
        <table className="min-w-full divide-y divide-gray-200">
          <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
            <tr>
              <th className="px-3 py-2">{t("bucket")}</th>
              <th className="px-3 py-2 text-right">{t("mailings")}</th>
              <th className="px-3 py-2 text-right">{t("sent")}</th>
              <th className="px-3 py-2 text-right">{t("delivered")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((r) => (
              <tr key={r.href}>
                <td className="px-3 py-1.5">{r.label}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">
                  <Link href={r.href} className="text-blue-700 hover:underline">
                    {format.number(r.mailings)}
                  </Link>
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{format.number(r.sent)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{format.number(r.delivered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
