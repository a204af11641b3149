import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listGroups } from "@/db/queries/groups";
import { listRecentImports } from "@/db/queries/contacts-imports";
import { actorWith } from "@/lib/server/page-guard";
import { NoAccess } from "@/components/shell/no-access";
import { ContactsTabs } from "@/components/contacts/contacts-tabs";
import { ImportWizard } from "@/components/contacts/import-wizard";
import { importStatus } from "@/components/contacts/import-status";

export default async function ImportPage() {
  if (!(await actorWith("manage"))) return <NoAccess />;
  const t = await getTranslations();
  const format = await getFormatter();
  const db = await getDb();
  const [groups, imports] = await Promise.all([listGroups(db), listRecentImports(db, { limit: 10 })]);
  const now = new Date();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("contacts.title")}</h1>
      <ContactsTabs active="import" canManage />
      <section className="card max-w-5xl space-y-2">
        <h2 className="text-lg font-semibold">{t("csv.importTitle")}</h2>
        <p className="text-sm text-gray-600">{t("csv.importText")}</p>
        <ImportWizard staticGroups={groups.filter((g) => g.kind === "static").map((g) => ({ id: g.id, name: g.name }))} />
      </section>
      {imports.length ? (
        <section className="card max-w-5xl p-0">
          <h2 className="px-5 pt-4 text-lg font-semibold">{t("csv.history")}</h2>
          <table className="mt-2 min-w-full divide-y divide-gray-200 text-sm">
            <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
              <tr>
                <th className="px-4 py-2">{t("csv.file")}</th>
                <th className="px-4 py-2">{t("csv.when")}</th>
                <th className="px-4 py-2">{t("csv.statusColumn")}</th>
                <th className="px-4 py-2 text-right">{t("csv.resultColumn")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {imports.map((job) => (
                <tr key={job.id}>
                  <td className="px-4 py-2">
                    <Link href={`/contacts/import/${job.id}`} className="text-blue-700 hover:underline">
                      {job.fileName}
                    </Link>
                  </td>
                  <td className="px-4 py-2 text-gray-600">{format.dateTime(job.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="px-4 py-2" data-testid="import-history-status">
                    {t(`csv.status.${importStatus(job, now)}`)}
                    {job.status === "running" && job.totalRows ? ` · ${format.number(job.processedRows / job.totalRows, { style: "percent" })}` : null}
                  </td>
                  <td className="px-4 py-2 text-right text-gray-600">
                    +{format.number(job.insertedRows)} / −{format.number(job.rejectedRows)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
