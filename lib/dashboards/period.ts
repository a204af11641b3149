/**
 * The dashboard's calendar. Periods and chart buckets are whole days of the office's time zone
 * (Kyiv), whatever zone the server runs in, so "last 7 days" means the same rows for everyone.
 * Days travel as "YYYY-MM-DD" strings: they go into URLs and SQL as they are, with no time-zone
 * conversion in JavaScript (arithmetic below is done on UTC dates, where every day has 24 hours).
 * Pure and client-safe.
 */
export const DASHBOARD_TIME_ZONE = "Europe/Kyiv";

/** A calendar day, "YYYY-MM-DD". */
export type Day = string;

export const PRESET_DAYS = { "7d": 7, "30d": 30, "90d": 90 } as const;
export const PERIODS = ["7d", "30d", "90d", "custom"] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = "30d";

/** Chart buckets, as PostgreSQL's date_trunc units (a week starts on Monday there and here). */
export const BUCKETS = ["day", "week", "month"] as const;
export type Bucket = (typeof BUCKETS)[number];

/** More points than this make an unreadable chart: a finer bucket than that is coarsened. */
export const MAX_BUCKETS = 120;

const DAY_MS = 86_400_000;
const toUtc = (day: Day) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtc(value)) && fromUtc(toUtc(value)) === value;
}

/** Today's date in Kyiv at the instant `now`. */
export function kyivToday(now: Date): Day {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: DASHBOARD_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: "year" | "month" | "day") => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * A day as an instant to hand to a date formatter: noon UTC falls on the same calendar day in Kyiv
 * (UTC+2/+3), so formatting it in the app's time zone shows this day.
 */
export function dayAsDate(day: Day): Date {
  return new Date(`${day}T12:00:00Z`);
}

export function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** Days from `from` to `to`, both included. */
export function dayCount(from: Day, to: Day): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1;
}

/** A preset period: the last N days, today included. */
export function presetRange(period: keyof typeof PRESET_DAYS, today: Day): { from: Day; to: Day } {
  return { from: addDays(today, 1 - PRESET_DAYS[period]), to: today };
}

/** The first day of the bucket that holds `day` (weeks start on Monday, as in date_trunc). */
export function bucketStart(day: Day, bucket: Bucket): Day {
  if (bucket === "day") return day;
  if (bucket === "month") return `${day.slice(0, 8)}01`;
  const weekday = (new Date(toUtc(day)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

function nextBucketStart(start: Day, bucket: Bucket): Day {
  if (bucket === "day") return addDays(start, 1);
  if (bucket === "week") return addDays(start, 7);
  const d = new Date(toUtc(start));
  return fromUtc(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/**
 * One chart point: `start` is the bucket's key (what SQL's date_trunc returns); `from`..`to` is
 * the part of the bucket inside the period, which is what a click on the point should list.
 */
export type BucketRange = { start: Day; from: Day; to: Day };

/** Every bucket of the period, empty ones included, so the chart's time axis has no gaps. */
export function listBuckets(from: Day, to: Day, bucket: Bucket): BucketRange[] {
  const out: BucketRange[] = [];
  for (let start = bucketStart(from, bucket); start <= to; start = nextBucketStart(start, bucket)) {
    const end = addDays(nextBucketStart(start, bucket), -1);
    out.push({ start, from: start < from ? from : start, to: end > to ? to : end });
  }
  return out;
}

/** The bucket a period gets unless the URL asks for another: about a month of points at most. */
export function defaultBucket(from: Day, to: Day): Bucket {
  const days = dayCount(from, to);
  if (days <= 31) return "day";
  if (days <= 190) return "week";
  return "month";
}

/** The requested bucket, or the next coarser one while it would draw too many points. */
export function fitBucket(requested: Bucket, from: Day, to: Day): Bucket {
  let bucket = requested;
  while (bucket !== "month" && listBuckets(from, to, bucket).length > MAX_BUCKETS) bucket = bucket === "day" ? "week" : "month";
  return bucket;
}
