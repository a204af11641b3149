import { getFormatter, getTranslations } from "next-intl/server";
import type { MailingStatus } from "@/db/schema";
import type { DashboardFilter } from "@/lib/dashboards/filter";
import { mailingsListHref } from "@/lib/dashboards/links";
import { dayAsDate, type Bucket } from "@/lib/dashboards/period";
import { MAILING_FIGURES, RECIPIENT_CARDS, rateOf, sumOf, type ChannelSummary, type MailingFigure, type TimelinePoint } from "@/lib/dashboards/summary";
import { EmptyState } from "./empty-state";
import { FigureCard } from "./figure-card";
import { TimelineChart } from "./timeline-chart";
import { TimelineTable } from "./timeline-table";

/** One channel's summary: its mailings by status, its recipients by outcome, and both over time. */
export async function ChannelSection({ summary, filter, children }: { summary: ChannelSummary; filter: DashboardFilter; children?: React.ReactNode }) {
  const t = await getTranslations("dashboards");
  const ts = await getTranslations("mailingStatus");
  const format = await getFormatter();
  const c = summary.channel;
  const num = (n: number) => format.number(n);
  const list = (status?: MailingStatus) => mailingsListHref(filter, { channel: c, status });
  const { byStatus } = summary.mailings;
  const sent = summary.recipients.sent;
  const bucketLabel = bucketLabeller(format, filter.bucket);
  const timeline = summary.timeline.map((p) => ({
    label: bucketLabel(p),
    mailings: p.mailings,
    sent: p.sent,
    delivered: p.delivered,
    href: mailingsListHref(filter, { channel: c, range: p }),
  }));

  return (
    <section className="space-y-4" aria-labelledby={`dash-${c}-title`} data-testid={`dash-${c}`}>
      <h2 id={`dash-${c}-title`} className="text-xl font-semibold">
        {t(`${c}.title`)}
      </h2>
      {summary.mailings.total === 0 ? (
        <EmptyState testId={`dash-${c}-empty`} title={t(`${c}.empty`)} text={t("empty.channelText")} compact />
      ) : (
        <>
          <div>
            <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-gray-500">{t("mailingsHeading")}</h3>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
              <FigureCard testId={`dash-${c}-mailings-total`} label={t("mailingFigures.total")} value={num(summary.mailings.total)} href={list()} />
              {(Object.keys(MAILING_FIGURES) as MailingFigure[]).map((figure) => {
                const statuses: readonly MailingStatus[] = MAILING_FIGURES[figure];
                const [only] = statuses;
                return (
                  <FigureCard
                    key={figure}
                    testId={`dash-${c}-mailings-${figure}`}
                    label={t(`mailingFigures.${figure}`)}
                    value={num(sumOf(byStatus, statuses))}
                    href={statuses.length === 1 ? list(only) : undefined}
                    parts={statuses.length > 1 ? statuses.map((s) => ({ key: s, label: ts(s), value: num(byStatus[s] ?? 0), href: list(s) })) : undefined}
                  />
                );
              })}
            </div>
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-gray-500">{t("recipientsHeading")}</h3>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
              {RECIPIENT_CARDS[c].map((figure) => {
                const value = summary.recipients[figure];
                const rate = figure === "sent" ? null : rateOf(value, sent);
                return (
                  <FigureCard
                    key={figure}
                    testId={`dash-${c}-recipients-${figure}`}
                    label={t(`recipientFigures.${figure}`)}
                    value={num(value)}
                    href={list()}
                    note={rate === null ? undefined : t("rateOfSent", { rate: format.number(rate, { style: "percent", maximumFractionDigits: 1 }) })}
                  />
                );
              })}
            </div>
          </div>
          <div className="card space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-medium">{t("timeline.title")}</h3>
              <p className="text-xs text-gray-500">{t("timeline.hint", { bucket: t(`buckets.${filter.bucket}`) })}</p>
            </div>
            <TimelineChart
              testId={`dash-${c}-timeline`}
              rows={timeline}
              labels={{
                mailings: t("timeline.mailings"),
                sent: t("timeline.sent"),
                delivered: t("timeline.delivered"),
                mailingsTitle: t("timeline.mailingsTitle"),
                recipientsTitle: t("timeline.recipientsTitle"),
                noData: t("timeline.noData"),
              }}
            />
            <TimelineTable rows={timeline} />
          </div>
          {children}
        </>
      )}
    </section>
  );
}

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** Axis labels in the visitor's language: "2 Mar", "2–8 Mar", "Mar 2026". */
function bucketLabeller(format: Formatter, bucket: Bucket): (p: TimelinePoint) => string {
  if (bucket === "day") return (p) => format.dateTime(dayAsDate(p.start), { day: "numeric", month: "short" });
  if (bucket === "month") return (p) => format.dateTime(dayAsDate(p.start), { month: "short", year: "numeric" });
  return (p) => format.dateTimeRange(dayAsDate(p.from), dayAsDate(p.to), { day: "numeric", month: "short" });
}
