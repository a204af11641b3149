import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AudienceRow } from "@/db/queries/dashboard";

/** The seed's "Top SMS mailings by audience size": name, sent at, contacts, with a bar to compare. */
export async function TopAudienceTable({ rows }: { rows: AudienceRow[] }) {
  const t = await getTranslations("dashboards.top");
  const format = await getFormatter();
  const largest = Math.max(1, ...rows.map((r) => r.contacts));
  return (
    <div className="card" data-testid="dash-top-sms">
      <h3 className="font-medium">{t("title")}</h3>
      {rows.length === 0 ? (
        <p className="pt-2 text-sm text-gray-500" data-testid="dash-top-sms-empty">
          {t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="mt-3 min-w-full divide-y divide-gray-200 text-sm">
            <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
              <tr>
                <th className="px-4 py-2">{t("name")}</th>
                <th className="px-4 py-2">{t("sentAt")}</th>
                <th className="px-4 py-2 text-right">{t("contacts")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((r) => (
                <tr key={r.id} data-testid="dash-top-row">
                  <td className="px-4 py-2">
                    <Link href={`/mailings/${r.id}`} className="font-medium text-blue-700 hover:underline">
                      {r.name}
                    </Link>
                    <span className="mt-1 block h-1.5 rounded-full bg-blue-100" aria-hidden>
                      <span className="block h-1.5 rounded-full bg-blue-500" style={{ width: `${(r.contacts / largest) * 100}%` }} />
                    </span>
                  </td>
                  <td className="whitespace-nowrap px-4 py-2 text-gray-600">{r.sentAt ? format.dateTime(r.sentAt, { dateStyle: "short", timeStyle: "short" }) : "—"}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {/* The mailing's record shows this same figure as its contact count. */}
                    <Link href={`/mailings/${r.id}`} className="text-blue-700 hover:underline" data-testid="dash-top-contacts">
                      {format.number(r.contacts)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
