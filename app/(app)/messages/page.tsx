import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listMessages } from "@/db/queries/messages";
import { can } from "@/lib/auth/roles";
import { requireActor } from "@/lib/server/page-guard";
import { pageParams } from "@/lib/server/list-params";
import { Pager } from "@/components/list/pager";

const params = pageParams.extend({ channel: z.enum(["email", "sms"]).optional().catch(undefined) });

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const q = params.parse(await searchParams);
  const t = await getTranslations("messages");
  const format = await getFormatter();
  const { rows, total } = await listMessages(await getDb(), { search: q.q, channel: q.channel, page: q.page, pageSize: q.pageSize });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-gray-600">{t("subtitle")}</p>
        </div>
        {can(actor.role, "manage") ? (
          <Link href="/messages/new" className="btn-primary" data-testid="add-message">
            {t("add")}
          </Link>
        ) : null}
      </div>
      <form className="flex flex-wrap gap-2" method="get">
        <input name="q" defaultValue={q.q} placeholder={t("search")} aria-label={t("search")} className="field-input max-w-xs" />
        <select name="channel" defaultValue={q.channel ?? ""} aria-label={t("channel")} className="field-input w-auto">
          <option value="">{t("allChannels")}</option>
          <option value="email">Email</option>
          <option value="sms">SMS</option>
        </select>
        <button className="btn-secondary" type="submit">
          {t("find")}
        </button>
      </form>
      <div className="card overflow-x-auto p-0">
        {rows.length === 0 ? (
          <p className="p-6 text-sm text-gray-500" data-testid="messages-empty">
            {q.q || q.channel || q.page > 1 ? t("noMatches") : can(actor.role, "manage") ? t("empty") : t("emptyReadOnly")}
          </p>
        ) : (
          <table className="min-w-full divide-y divide-gray-200 text-sm" data-testid="messages-table">
            <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
              <tr>
                <th className="px-4 py-3">{t("name")}</th>
                <th className="px-4 py-3">{t("esputnikId")}</th>
                <th className="px-4 py-3">{t("channel")}</th>
                <th className="px-4 py-3">{t("description")}</th>
                <th className="px-4 py-3">{t("updated")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((m) => (
                <tr key={m.id} className="hover:bg-gray-50">
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/messages/${m.id}`} className="text-blue-700 hover:underline">
                      {m.name}
                    </Link>
                  </td>
                  <td className="px-4 py-3 font-mono">{m.esputnikId}</td>
                  <td className="px-4 py-3">{m.channel === "email" ? "Email" : "SMS"}</td>
                  <td className="px-4 py-3 text-gray-600">{m.description}</td>
                  <td className="px-4 py-3 text-gray-500">{format.dateTime(m.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager basePath="/messages" params={{ q: q.q, channel: q.channel }} page={q.page} pageSize={q.pageSize} total={total} />
      </div>
    </div>
  );
}
