import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getMailing } from "@/db/queries/mailings";
import { countResponsesOfMailings } from "@/db/queries/tallies";
import { can } from "@/lib/auth/roles";
import { requireActor } from "@/lib/server/page-guard";
import { EDITABLE_STATUSES } from "@/lib/mailings/mailings";
import { getPreflight } from "@/lib/mailings/audience";
import { MailingForm } from "@/components/mailings/mailing-form";
import { StatusBadge } from "@/components/mailings/status-badge";
import { PreflightSummary } from "@/components/mailings/preflight-summary";
import { AudienceTab } from "@/components/mailings/audience-tab";
import { SummaryTab } from "@/components/mailings/summary-tab";
import { FeedTab } from "@/components/mailings/feed-tab";
import { FilesTab } from "@/components/mailings/files-tab";
import { MailingActionsMenu } from "@/components/mailings/mailing-actions-menu";
import { RunProcessMenu } from "@/components/sending/run-process-menu";
import { SendProgressBar } from "@/components/sending/progress-bar";
import { getSendProgress } from "@/lib/sending";

const TABS = ["audience", "summary", "feed", "files"] as const;
type Tab = (typeof TABS)[number];

export default async function MailingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const mailing = await getMailing(db, { id: id.data });
  if (!mailing) notFound();
  const sp = await searchParams;
  const tab: Tab = (TABS as readonly string[]).includes(sp.tab ?? "") ? (sp.tab as Tab) : "audience";
  const t = await getTranslations("mailings");
  const format = await getFormatter();
  const canManage = can(actor.role, "manage");
  const editable = canManage && EDITABLE_STATUSES.includes(mailing.status);
  // The follow-up dialog shows how many recipients have each response: the tallies' counts, which
  // read each recipient's latest response exactly as the follow-up's copy selects them.
  const offersFollowUp = canManage && mailing.status !== "draft";
  const [preflight, progress, responseCounts] = await Promise.all([
    getPreflight(db, { mailingId: mailing.id }),
    getSendProgress(db, { mailingId: mailing.id }),
    offersFollowUp ? countResponsesOfMailings(db, { mailingIds: [mailing.id] }).then((m) => m.get(mailing.id)) : undefined,
  ]);
  const tr = await getTranslations();
  const messageRef =
    mailing.messageId && mailing.messageName && mailing.messageEsputnikId !== null
      ? { id: mailing.messageId, name: mailing.messageName, esputnikId: mailing.messageEsputnikId, channel: mailing.channel }
      : null;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Link href="/mailings" className="text-sm text-blue-700 hover:underline">
            ← {t("title")}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold" data-testid="mailing-title">
            {mailing.name}
          </h1>
          {mailing.parentId ? (
            <p className="text-sm text-gray-600">
              {t("followUpOf")}{" "}
              <Link className="text-blue-700 hover:underline" href={`/mailings/${mailing.parentId}`}>
                {mailing.parentName}
              </Link>
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <RunProcessMenu
            mailingId={mailing.id}
            status={mailing.status}
            channel={mailing.channel}
            canManage={canManage}
            willReceive={progress?.remaining ?? 0}
            accepted={progress?.accepted ?? 0}
            inDoubt={progress?.inDoubt ?? 0}
            summary={<PreflightSummary preflight={preflight} channel={mailing.channel} />}
          />
          <MailingActionsMenu
            mailing={{ id: mailing.id, name: mailing.name, status: mailing.status, channel: mailing.channel, message: messageRef, alphaName: mailing.alphaName }}
            canManage={canManage}
            responseCounts={responseCounts}
          />
        </div>
      </div>

      <SendProgressBar mailingId={mailing.id} initial={progress} />

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="card lg:col-span-2">
          <MailingForm
            editable={editable}
            canAdd={canManage}
            initial={{
              id: mailing.id,
              name: mailing.name,
              esputnikGroup: mailing.esputnikGroup,
              alphaName: mailing.alphaName,
              message: messageRef,
            }}
          />
        </div>
        <dl className="card space-y-3 text-sm" data-testid="mailing-facts">
          <div className="flex justify-between gap-3">
            <dt className="text-gray-500">{t("status")}</dt>
            <dd>
              <StatusBadge status={mailing.status} />
            </dd>
          </div>
          {mailing.failureCode ? (
            <p className="rounded-md bg-red-50 px-3 py-2 text-red-800" data-testid="mailing-failure">
              {/* The send engine stores the failure as a full message key (sending.failure.*, esputnikErrors.*). */}
              {tr.has(mailing.failureCode as never) ? tr(mailing.failureCode as never) : mailing.failureCode}
              {mailing.failureDetail ? <span className="block text-xs text-red-700">{mailing.failureDetail}</span> : null}
            </p>
          ) : null}
          <div className="flex justify-between gap-3">
            <dt className="text-gray-500">{t("type")}</dt>
            <dd>{mailing.channel === "email" ? "Email" : "SMS"}</dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-gray-500">{t("contactCount")}</dt>
            <dd className="font-semibold tabular-nums" data-testid="contact-count">
              {format.number(mailing.contactCount)}
            </dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-gray-500">{t("sentAt")}</dt>
            <dd>{mailing.sentAt ? format.dateTime(mailing.sentAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-gray-500">{t("createdBy")}</dt>
            <dd>{mailing.createdByName ?? "—"}</dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-gray-500">{t("createdAt")}</dt>
            <dd>{format.dateTime(mailing.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
          </div>
        </dl>
      </div>

      {mailing.status === "draft" ? <PreflightSummary preflight={preflight} channel={mailing.channel} /> : null}

      <nav className="flex gap-1 overflow-x-auto border-b border-gray-200" aria-label={t("tabs")}>
        {TABS.map((x) => (
          <Link
            key={x}
            href={`/mailings/${mailing.id}?tab=${x}`}
            aria-current={tab === x ? "page" : undefined}
            data-testid={`tab-${x}`}
            className={`whitespace-nowrap border-b-2 px-4 py-2 text-sm font-medium ${
              tab === x ? "border-blue-600 text-blue-700" : "border-transparent text-gray-600 hover:text-gray-900"
            }`}
          >
            {t(`tab.${x}`)}
          </Link>
        ))}
      </nav>

      {tab === "audience" ? <AudienceTab mailing={mailing} editable={editable} searchParams={sp} /> : null}
      {tab === "summary" ? <SummaryTab mailingId={mailing.id} channel={mailing.channel} /> : null}
      {tab === "feed" ? <FeedTab mailingId={mailing.id} canComment={canManage} /> : null}
      {tab === "files" ? <FilesTab mailingId={mailing.id} notes={mailing.notes} canEdit={canManage} /> : null}
    </div>
  );
}
