import { z } from "zod";
import { pageParams } from "@/lib/server/list-params";
import {
  BUCKETS,
  DEFAULT_PERIOD,
  PERIODS,
  defaultBucket,
  fitBucket,
  isDay,
  presetRange,
  type Bucket,
  type Day,
  type Period,
} from "./period";

/**
 * What the dashboard shows, read from the URL so that a view can be shared as a link.
 * `from`..`to` are Kyiv days, both included; they are resolved here once (presets against today)
 * and everything downstream — queries, links, labels — uses the resolved days.
 */
export type DashboardFilter = {
  period: Period;
  from: Day;
  to: Day;
  /** The chart's bucket: the one asked for (made coarser when it would draw too many points) or the period's default. */
  bucket: Bucket;
  /** The bucket the URL asked for; absent = "automatic", which follows the period when it changes. */
  requestedBucket?: Bucket;
  createdBy?: string;
  messageId?: string;
  /** Paging of the SMS sending-progress table. */
  page: number;
  pageSize: number;
};

const day = z
  .string()
  .refine(isDay)
  .optional()
  .catch(undefined);

const urlParams = pageParams.omit({ q: true }).extend({
  period: z.enum(PERIODS).optional().catch(undefined),
  from: day,
  to: day,
  bucket: z.enum(BUCKETS).optional().catch(undefined),
  createdBy: z.uuid().optional().catch(undefined),
  message: z.uuid().optional().catch(undefined),
});

/**
 * Bad or partial parameters fall back instead of failing the page: a custom period without both
 * days becomes the default period; reversed days are swapped.
 */
export function parseDashboardFilter(searchParams: Record<string, string | string[] | undefined>, today: Day): DashboardFilter {
  const single = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const q = urlParams.parse(single);
  const custom = q.period === "custom" || (!q.period && q.from && q.to);
  let period: Period;
  let range: { from: Day; to: Day };
  if (custom && q.from && q.to) {
    period = "custom";
    range = q.from <= q.to ? { from: q.from, to: q.to } : { from: q.to, to: q.from };
  } else {
    period = q.period && q.period !== "custom" ? q.period : DEFAULT_PERIOD;
    range = presetRange(period as Exclude<Period, "custom">, today);
  }
  return {
    period,
    ...range,
    bucket: fitBucket(q.bucket ?? defaultBucket(range.from, range.to), range.from, range.to),
    requestedBucket: q.bucket,
    createdBy: q.createdBy,
    messageId: q.message,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The URL parameters that reproduce the filter (paging left out: a changed filter starts on page 1).
 * Preset periods keep only their name, so a shared "last 7 days" link stays relative to today.
 */
export function dashboardParams(f: DashboardFilter): Record<string, string | undefined> {
  return {
    period: f.period,
    from: f.period === "custom" ? f.from : undefined,
    to: f.period === "custom" ? f.to : undefined,
    bucket: f.requestedBucket,
    createdBy: f.createdBy,
    message: f.messageId,
  };
}
