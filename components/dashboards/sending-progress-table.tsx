import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ProgressRow } from "@/db/queries/dashboard";
import { dashboardParams, type DashboardFilter } from "@/lib/dashboards/filter";
import { audienceHref } from "@/lib/dashboards/links";
import { RECIPIENT_FIGURES, sumOf } from "@/lib/dashboards/summary";
import { Pager } from "@/components/list/pager";
import { StatusBadge } from "@/components/mailings/status-badge";

/**
 * The seed's "SMS sending progress": name, status, sent at, contacts, delivered, not delivered,
 * each mailing linked, the outcome counts linked to its audience filtered to them.
 */
export async function SendingProgressTable({ rows, total, filter }: { rows: ProgressRow[]; total: number; filter: DashboardFilter }) {
  const t = await getTranslations("dashboards.progress");
  const format = await getFormatter();
  return (
    <div className="card" data-testid="dash-progress">
      <h3 className="font-medium">{t("title")}</h3>
      {rows.length === 0 ? (
        <p className="pt-2 text-sm text-gray-500">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="mt-3 min-w-full divide-y divide-gray-200 text-sm">
            <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
              <tr>
                <th className="px-4 py-2">{t("name")}</th>
                <th className="px-4 py-2">{t("status")}</th>
                <th className="px-4 py-2">{t("sentAt")}</th>
                <th className="px-4 py-2 text-right">{t("contacts")}</th>
                <th className="px-4 py-2 text-right">{t("delivered")}</th>
                <th className="px-4 py-2 text-right">{t("notDelivered")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((r) => {
                const delivered = sumOf(r.responses, RECIPIENT_FIGURES.delivered);
                const notDelivered = sumOf(r.responses, RECIPIENT_FIGURES.notDelivered);
                const share = (n: number) => (r.contacts ? `${(n / r.contacts) * 100}%` : "0%");
                return (
                  <tr key={r.id} data-testid="dash-progress-row">
                    <td className="px-4 py-2">
                      <Link href={`/mailings/${r.id}`} className="font-medium text-blue-700 hover:underline">
                        {r.name}
                      </Link>
                      <span
                        className="mt-1 flex h-1.5 overflow-hidden rounded-full bg-gray-100"
                        role="img"
                        aria-label={t("bar", { delivered: format.number(delivered), notDelivered: format.number(notDelivered), contacts: format.number(r.contacts) })}
                      >
                        <span className="bg-emerald-500" style={{ width: share(delivered) }} />
                        <span className="bg-rose-500" style={{ width: share(notDelivered) }} />
                      </span>
                    </td>
                    <td className="px-4 py-2">
                      <StatusBadge status={r.status} />
                    </td>
                    <td className="whitespace-nowrap px-4 py-2 text-gray-600">{r.sentAt ? format.dateTime(r.sentAt, { dateStyle: "short", timeStyle: "short" }) : "—"}</td>
                    <td className="px-4 py-2 text-right tabular-nums">
                      <Link href={`/mailings/${r.id}`} className="text-blue-700 hover:underline" data-testid="dash-progress-contacts">
                        {format.number(r.contacts)}
                      </Link>
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums">
                      <Link href={audienceHref(r.id, RECIPIENT_FIGURES.delivered, r.responses)} className="text-blue-700 hover:underline" data-testid="dash-progress-delivered">
                        {format.number(delivered)}
                      </Link>
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums">
                      <Link href={audienceHref(r.id, RECIPIENT_FIGURES.notDelivered, r.responses)} className="text-blue-700 hover:underline" data-testid="dash-progress-not-delivered">
                        {format.number(notDelivered)}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager basePath="/dashboards" params={dashboardParams(filter)} page={filter.page} pageSize={filter.pageSize} total={total} />
    </div>
  );
}
