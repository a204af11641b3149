import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listCreators, listMailings, type MailingSort } from "@/db/queries/mailings";
import { mailingStatusEnum } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import { requireActor } from "@/lib/server/page-guard";
import { pageParams } from "@/lib/server/list-params";
import { Pager } from "@/components/list/pager";
import { StatusBadge } from "@/components/mailings/status-badge";

const SORTS = ["name", "createdAt", "sentAt", "status"] as const satisfies readonly MailingSort[];
const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const params = pageParams.extend({
  status: z.enum(mailingStatusEnum.enumValues).optional().catch(undefined),
  channel: z.enum(["email", "sms"]).optional().catch(undefined),
  createdBy: z.uuid().optional().catch(undefined),
  message: z.uuid().optional().catch(undefined),
  from: dateParam,
  to: dateParam,
  sort: z.enum(SORTS).catch("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
});

export default async function MailingsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const q = params.parse(await searchParams);
  const t = await getTranslations("mailings");
  const ts = await getTranslations("mailingStatus");
  const format = await getFormatter();
  const db = await getDb();
  const [{ rows, total }, creators] = await Promise.all([
    listMailings(db, {
      filter: {
        search: q.q,
        status: q.status,
        channel: q.channel,
        createdBy: q.createdBy,
        messageId: q.message,
        from: q.from,
        to: q.to,
      },
      sort: q.sort,
      dir: q.dir,
      page: q.page,
      pageSize: q.pageSize,
    }),
    listCreators(db),
  ]);
  const keep = { q: q.q, status: q.status, channel: q.channel, createdBy: q.createdBy, message: q.message, from: q.from, to: q.to, sort: q.sort, dir: q.dir };
  const sortHref = (s: MailingSort) => {
    const p = new URLSearchParams(Object.entries({ ...keep, sort: s, dir: q.sort === s && q.dir === "desc" ? "asc" : "desc" }).filter((e): e is [string, string] => Boolean(e[1])));
    return `/mailings?${p.toString()}`;
  };
  const arrow = (s: MailingSort) => (q.sort === s ? (q.dir === "asc" ? " ↑" : " ↓") : "");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {can(actor.role, "manage") ? (
          <Link href="/mailings/new" className="btn-primary" data-testid="add-mailing">
            {t("add")}
          </Link>
        ) : null}
      </div>
      <form method="get" className="card grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-6" data-testid="mailings-filter">
        <input name="q" defaultValue={q.q} placeholder={t("search")} aria-label={t("search")} className="field-input lg:col-span-2" />
        <select name="status" defaultValue={q.status ?? ""} aria-label={t("status")} className="field-input">
          <option value="">{t("allStatuses")}</option>
          {mailingStatusEnum.enumValues.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </select>
        <select name="channel" defaultValue={q.channel ?? ""} aria-label={t("type")} className="field-input">
          <option value="">{t("allTypes")}</option>
          <option value="email">Email</option>
          <option value="sms">SMS</option>
        </select>
        <select name="createdBy" defaultValue={q.createdBy ?? ""} aria-label={t("createdBy")} className="field-input lg:col-span-2">
          <option value="">{t("anyCreator")}</option>
          {creators.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <div className="flex min-w-0 gap-2 sm:col-span-2">
          <label className="flex min-w-0 flex-1 items-center gap-1 text-sm text-gray-600">
            {t("from")}
            <input type="date" name="from" defaultValue={q.from} className="field-input min-w-0" />
          </label>
          <label className="flex min-w-0 flex-1 items-center gap-1 text-sm text-gray-600">
            {t("to")}
            <input type="date" name="to" defaultValue={q.to} className="field-input min-w-0" />
          </label>
        </div>
        {q.message ? <input type="hidden" name="message" value={q.message} /> : null}
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="btn-secondary">
            {t("apply")}
          </button>
          <Link href="/mailings" className="btn-secondary">
            {t("reset")}
          </Link>
        </div>
      </form>
      <div className="card overflow-x-auto p-0">
        {rows.length === 0 ? (
          <p className="p-6 text-sm text-gray-500" data-testid="mailings-empty">
            {t("empty")}
          </p>
        ) : (
          <table className="min-w-full divide-y divide-gray-200 text-sm" data-testid="mailings-table">
            <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
              <tr>
                <th className="px-4 py-3">
                  <Link href={sortHref("name")}>{t("name") + arrow("name")}</Link>
                </th>
                <th className="px-4 py-3">{t("type")}</th>
                <th className="px-4 py-3">{t("message")}</th>
                <th className="px-4 py-3">
                  <Link href={sortHref("status")}>{t("status") + arrow("status")}</Link>
                </th>
                <th className="px-4 py-3 text-right">{t("contactCount")}</th>
                <th className="px-4 py-3">
                  <Link href={sortHref("sentAt")}>{t("sentAt") + arrow("sentAt")}</Link>
                </th>
                <th className="px-4 py-3">
                  <Link href={sortHref("createdAt")}>{t("createdByDate") + arrow("createdAt")}</Link>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((m) => (
                <tr key={m.id} className="hover:bg-gray-50" data-testid="mailing-row">
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/mailings/${m.id}`} className="text-blue-700 hover:underline">
                      {m.name}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{m.channel === "email" ? "Email" : "SMS"}</td>
                  <td className="px-4 py-3 text-gray-700">{m.messageName ?? "—"}</td>
                  <td className="px-4 py-3">
                    <StatusBadge status={m.status} />
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{format.number(m.contactCount)}</td>
                  <td className="px-4 py-3 text-gray-600">{m.sentAt ? format.dateTime(m.sentAt, { dateStyle: "short", timeStyle: "short" }) : "—"}</td>
                  <td className="px-4 py-3 text-gray-600">
                    {m.createdByName ?? "—"}
                    <span className="block text-xs text-gray-400">{format.dateTime(m.createdAt, { dateStyle: "short" })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager basePath="/mailings" params={keep} page={q.page} pageSize={q.pageSize} total={total} />
      </div>
    </div>
  );
}
