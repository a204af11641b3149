"use client";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { BUCKETS, PERIODS, type Period } from "@/lib/dashboards/period";

type Option = { id: string; name: string };

/**
 * The filter as a plain GET form: applying it changes the URL, so the view can be bookmarked and
 * shared. The two dates appear only for a custom period.
 */
export function DashboardFilters({
  value,
  creators,
  messages,
}: {
  value: { period: Period; from: string; to: string; bucket?: string; createdBy?: string; messageId?: string };
  creators: Option[];
  messages: (Option & { channel: "email" | "sms" })[];
}) {
  const t = useTranslations("dashboards.filter");
  const tb = useTranslations("dashboards.buckets");
  const [period, setPeriod] = useState<Period>(value.period);
  const [messageId, setMessageId] = useState(value.messageId ?? "");
  // A message's name can be longer than the select: the whole name is its tooltip.
  const messageName = messages.find((m) => m.id === messageId)?.name;
  const byChannel = (channel: "email" | "sms") => messages.filter((m) => m.channel === channel);
  return (
    <form method="get" action="/dashboards" className="card grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6" data-testid="dashboard-filter">
      <div>
        <label className="field-label" htmlFor="dash-period">
          {t("period")}
        </label>
        <select id="dash-period" name="period" className="field-input" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`periods.${p}`)}
            </option>
          ))}
        </select>
      </div>
      {period === "custom" ? (
        <div className="grid grid-cols-2 gap-2 sm:col-span-2 lg:col-span-1 xl:col-span-2">
          <div>
            <label className="field-label" htmlFor="dash-from">
              {t("from")}
            </label>
            <input id="dash-from" type="date" name="from" required defaultValue={value.from} className="field-input" />
          </div>
          <div>
            <label className="field-label" htmlFor="dash-to">
              {t("to")}
            </label>
            <input id="dash-to" type="date" name="to" required defaultValue={value.to} className="field-input" />
          </div>
        </div>
      ) : null}
      <div>
        <label className="field-label" htmlFor="dash-creator">
          {t("creator")}
        </label>
        <select id="dash-creator" name="createdBy" className="field-input" defaultValue={value.createdBy ?? ""}>
          <option value="">{t("anyCreator")}</option>
          {creators.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {/* Two columns from the tablet up: message names (and "Будь-яке повідомлення") need the room.
          min-w-0: a select is otherwise as wide as its longest option, and would widen the page on a phone. */}
      <div className="min-w-0 sm:col-span-2">
        <label className="field-label" htmlFor="dash-message">
          {t("message")}
        </label>
        <select
          id="dash-message"
          name="message"
          className="field-input truncate"
          value={messageId}
          onChange={(e) => setMessageId(e.target.value)}
          title={messageName}
          data-testid="dashboard-filter-message"
        >
          <option value="">{t("anyMessage")}</option>
          {(["email", "sms"] as const).map((channel) =>
            byChannel(channel).length ? (
              <optgroup key={channel} label={channel === "email" ? "Email" : "SMS"}>
                {byChannel(channel).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
      </div>
      <div>
        <label className="field-label" htmlFor="dash-bucket">
          {t("bucket")}
        </label>
        <select id="dash-bucket" name="bucket" className="field-input" defaultValue={value.bucket ?? ""}>
          <option value="">{t("autoBucket")}</option>
          {BUCKETS.map((b) => (
            <option key={b} value={b}>
              {tb(b)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4 xl:col-span-6">
        <button type="submit" className="btn-primary" data-testid="dashboard-filter-apply">
          {t("apply")}
        </button>
        <Link href="/dashboards" className="btn-secondary">
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
