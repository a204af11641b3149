import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { findImport, listRejections } from "@/db/queries/contacts-imports";
import { actorWith } from "@/lib/server/page-guard";
import { NoAccess } from "@/components/shell/no-access";
import { isUuid } from "@/components/contacts/contacts-table-config";
import { importStatus } from "@/components/contacts/import-status";
import { ImportProgressPanel } from "@/components/contacts/import-progress";
import { progressOf } from "@/lib/contacts/import-contacts";
import { RowProblems } from "@/components/contacts/row-problems";

/** The report shows this many rejected rows; the rest are counted. */
const REJECTIONS_SHOWN = 500;

export default async function ImportReportPage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await actorWith("manage"))) return <NoAccess />;
  const { id } = await params;
  const db = await getDb();
  const job = isUuid(id) ? await findImport(db, { id }) : undefined;
  if (!job) notFound();
  const rejections = await listRejections(db, { importId: job.id, offset: 0, limit: REJECTIONS_SHOWN });
  const t = await getTranslations("csv");
  const format = await getFormatter();
  const n = (value: number) => format.number(value);
  return (
    <div className="max-w-5xl space-y-4">
      <Link href="/contacts/import" className="text-sm text-blue-700 hover:underline">
        ← {t("newImport")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("reportTitle", { name: job.fileName })}</h1>
      <section className="card space-y-3 text-sm" data-testid="import-summary">
        <p>
          <span className="font-medium">{t(`status.${importStatus(job, new Date())}`)}</span> · {format.dateTime(job.createdAt, { dateStyle: "medium", timeStyle: "short" })}
        </p>
        {/* Keyed by the status: the refresh at the end of an import starts it from the final figures. */}
        <ImportProgressPanel key={job.status} initial={progressOf(job)} />
        {job.status === "done" || job.status === "failed" ? (
          <p>{t("summary", { total: n(job.totalRows), processed: n(job.processedRows), inserted: n(job.insertedRows), rejected: n(job.rejectedRows) })}</p>
        ) : null}
      </section>
      <section className="card p-0">
        <h2 className="px-5 pt-4 text-lg font-semibold">{t("rejectedTitle")}</h2>
        {rejections.length === 0 ? <p className="px-5 pb-4 text-sm text-gray-600">{t("noRejections")}</p> : null}
        {job.rejectedRows > rejections.length ? <p className="px-5 text-xs text-gray-500">{t("moreRejections", { shown: n(rejections.length), total: n(job.rejectedRows) })}</p> : null}
        {rejections.length ? (
          <table className="mt-2 min-w-full divide-y divide-gray-200 text-sm" data-testid="import-rejections">
            <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
              <tr>
                <th className="px-4 py-2">{t("row")}</th>
                <th className="px-4 py-2">{t("reason")}</th>
                <th className="px-4 py-2">{t("values")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rejections.map((r) => (
                <tr key={r.rowNumber} data-testid={`rejected-row-${r.rowNumber}`}>
                  <td className="px-4 py-2 align-top font-medium">{r.rowNumber}</td>
                  <td className="px-4 py-2 align-top">
                    <RowProblems problems={r.problems} />
                  </td>
                  <td className="px-4 py-2 align-top text-gray-600">{r.cells.join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
