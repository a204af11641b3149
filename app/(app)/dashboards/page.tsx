import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/roles";
import { requireActor } from "@/lib/server/page-guard";
import { dashboardParams, parseDashboardFilter } from "@/lib/dashboards/filter";
import { dashboardHref } from "@/lib/dashboards/links";
import { loadDashboard } from "@/lib/dashboards/load";
import { dayAsDate, kyivToday } from "@/lib/dashboards/period";
import { ChannelSection } from "@/components/dashboards/channel-section";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { EmptyState, type EmptyAction } from "@/components/dashboards/empty-state";
import { PeriodNote } from "@/components/dashboards/period-note";
import { SendingProgressTable } from "@/components/dashboards/sending-progress-table";
import { TopAudienceTable } from "@/components/dashboards/top-audience-table";

/**
 * "Підсумки": the section-level summaries of the seed manual (3.3 email, 4.4 SMS), for everyone who
 * may read mailings. Rendered on the server from live aggregates; the filter lives in the URL.
 */
export default async function DashboardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const filter = parseDashboardFilter(await searchParams, kyivToday(new Date()));
  const data = await loadDashboard(await getDb(), filter);
  const t = await getTranslations("dashboards");
  const format = await getFormatter();
  const range = format.dateTimeRange(dayAsDate(filter.from), dayAsDate(filter.to), { dateStyle: "medium" });
  const nothing = data.email.mailings.total + data.sms.mailings.total === 0;

  const emptyActions: EmptyAction[] = [];
  if (filter.createdBy || filter.messageId)
    emptyActions.push({ key: "clear", label: t("empty.clearFilters"), href: dashboardHref(dashboardParams({ ...filter, createdBy: undefined, messageId: undefined })) });
  if (filter.period !== "90d") emptyActions.push({ key: "widen", label: t("empty.widen"), href: dashboardHref(dashboardParams({ ...filter, period: "90d" })) });
  if (can(actor.role, "manage")) emptyActions.push({ key: "create", label: t("empty.create"), href: "/mailings/new", primary: true });

  const filterValue = { period: filter.period, from: filter.from, to: filter.to, bucket: filter.requestedBucket, createdBy: filter.createdBy, messageId: filter.messageId };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="mt-1 flex items-center gap-2 text-sm text-gray-600">
          <span data-testid="dashboard-period">{t("periodShown", { range })}</span>
          <PeriodNote />
        </div>
      </div>
      {/* Keyed by the filter in the URL: Reset and the empty state's links navigate on the client,
          and the form must then show what the page shows, not what was last chosen in it. */}
      <DashboardFilters
        key={JSON.stringify(filterValue)}
        value={filterValue}
        creators={data.creators}
        messages={data.messages}
      />
      {nothing ? (
        <EmptyState testId="dashboard-empty" title={t("empty.title")} text={t("empty.text", { range })} actions={emptyActions} />
      ) : (
        <>
          <ChannelSection summary={data.email} filter={filter} />
          <ChannelSection summary={data.sms} filter={filter}>
            {/* min-w-0: a grid cell is otherwise as wide as its table, and a wide table on a phone
                would widen the page instead of scrolling inside its card. */}
            <div className="grid min-w-0 gap-4 2xl:grid-cols-5">
              <div className="min-w-0 2xl:col-span-2">
                <TopAudienceTable rows={data.topSms} />
              </div>
              <div className="min-w-0 2xl:col-span-3">
                <SendingProgressTable rows={data.smsProgress.rows} total={data.smsProgress.total} filter={filter} />
              </div>
            </div>
          </ChannelSection>
        </>
      )}
    </div>
  );
}
