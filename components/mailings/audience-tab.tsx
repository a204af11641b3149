import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listRecipients, type MailingDetail } from "@/db/queries/mailings";
import { RESPONSES } from "@/lib/mailings/responses";
import { pageParams } from "@/lib/server/list-params";
import { Pager } from "@/components/list/pager";
import { AudienceToolbar, RemoveRecipientButton } from "./audience-toolbar";
import { ResponseBadge } from "./response-badge";

const params = pageParams.extend({ response: z.enum(RESPONSES).optional().catch(undefined) });

export async function AudienceTab({ mailing, editable, searchParams }: { mailing: MailingDetail; editable: boolean; searchParams: Record<string, string> }) {
  const q = params.parse(searchParams);
  const t = await getTranslations("audience");
  const tr = await getTranslations("responses");
  const format = await getFormatter();
  const { rows, total } = await listRecipients(await getDb(), {
    mailingId: mailing.id,
    responses: q.response ? [q.response] : undefined,
    search: q.q,
    page: q.page,
    pageSize: q.pageSize,
  });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        {editable ? <AudienceToolbar mailingId={mailing.id} hasRecipients={total > 0 || Boolean(q.response || q.q)} /> : null}
      </div>
      <form method="get" className="flex flex-wrap gap-2">
        <input type="hidden" name="tab" value="audience" />
        <input name="q" defaultValue={q.q} placeholder={t("search")} aria-label={t("search")} className="field-input max-w-xs" />
        <select name="response" defaultValue={q.response ?? ""} aria-label={t("response")} className="field-input w-auto" data-testid="response-filter">
          <option value="">{t("allResponses")}</option>
          {RESPONSES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
        <button type="submit" className="btn-secondary">
          {t("filter")}
        </button>
      </form>
      <div className="card overflow-x-auto p-0">
        {rows.length === 0 ? (
          <p className="p-6 text-sm text-gray-500" data-testid="audience-empty">
            {q.response || q.q ? t("noMatch") : t("empty")}
          </p>
        ) : (
          <table className="min-w-full divide-y divide-gray-200 text-sm" data-testid="audience-table">
            <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
              <tr>
                <th className="px-4 py-3">{t("contact")}</th>
                <th className="px-4 py-3">{t("mobilePhone")}</th>
                <th className="px-4 py-3">Email</th>
                <th className="px-4 py-3">{t("response")}</th>
                <th className="px-4 py-3">{t("done")}</th>
                {editable ? <th className="px-4 py-3" /> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((r) => (
                <tr key={r.id} data-testid="recipient-row">
                  <td className="px-4 py-2 font-medium">
                    {r.contactId ? (
                      <Link href={`/contacts/${r.contactId}`} className="text-blue-700 hover:underline">
                        {r.fullName || "—"}
                      </Link>
                    ) : (
                      r.fullName || "—"
                    )}
                  </td>
                  <td className="px-4 py-2 tabular-nums">{r.phone ?? ""}</td>
                  <td className="px-4 py-2">{r.email ?? ""}</td>
                  <td className="px-4 py-2">
                    <ResponseBadge response={r.response} />
                    {r.exclusionReason ? <span className="ml-2 text-xs text-gray-500">{t(`reason.${r.exclusionReason}` as never)}</span> : null}
                    {r.rejectReason ? <span className="block text-xs text-red-700">{r.rejectReason}</span> : null}
                    {r.statusAt ? (
                      <span className="block text-xs text-gray-400">{format.dateTime(r.statusAt, { dateStyle: "short", timeStyle: "short" })}</span>
                    ) : null}
                  </td>
                  <td className="px-4 py-2" data-testid="recipient-done">
                    {r.done ? t("yes") : t("no")}
                  </td>
                  {editable ? (
                    <td className="px-4 py-2 text-right">
                      <RemoveRecipientButton mailingId={mailing.id} recipientId={r.id} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager
          basePath={`/mailings/${mailing.id}`}
          params={{ tab: "audience", q: q.q, response: q.response }}
          page={q.page}
          pageSize={q.pageSize}
          total={total}
        />
      </div>
    </div>
  );
}
