import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getMailingSummary } from "@/lib/mailings/summary";
import { SummaryCharts } from "./summary-charts";

export async function SummaryTab({ mailingId, channel }: { mailingId: string; channel: "email" | "sms" }) {
  const t = await getTranslations("summary");
  const s = await getMailingSummary(await getDb(), { mailingId, channel });
  const rate = (n: number) => (s.sent ? n / s.sent : 0);
  const cards =
    channel === "email"
      ? [
          { key: "total", value: s.total },
          { key: "sent", value: s.sent },
          { key: "delivered", value: s.delivered, rate: rate(s.delivered) },
          { key: "notDelivered", value: s.notDelivered, rate: rate(s.notDelivered) },
          { key: "inProgress", value: s.inProgress },
          { key: "read", value: s.read, rate: rate(s.read) },
          { key: "clicked", value: s.clicked, rate: rate(s.clicked) },
        ]
      : [
          { key: "total", value: s.total },
          { key: "sent", value: s.sent },
          { key: "delivered", value: s.delivered, rate: rate(s.delivered) },
          { key: "notDelivered", value: s.notDelivered, rate: rate(s.notDelivered) },
          { key: "pending", value: s.inProgress },
        ];
  const extra = [
    { key: "notSent", value: s.notSent },
    { key: "rejected", value: s.rejected },
    { key: "inDoubt", value: s.inDoubt },
    { key: "excluded", value: s.excluded },
  ].filter((c) => c.value > 0);
  return (
    <SummaryCharts
      title={t(channel === "email" ? "emailTitle" : "smsTitle")}
      cards={[...cards, ...extra].map((c) => ({ ...c, label: t(c.key as never) }))}
      empty={s.total === 0}
      emptyText={t("empty")}
      note={t(channel === "email" ? "cumulativeEmail" : "cumulativeSms")}
    />
  );
}
