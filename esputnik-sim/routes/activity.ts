/** GET /api/v2/contacts/activity — the activity feed, backed by the send records. */
import { forEachEvent, parseCursor, type ActivityItem } from "../activity";
import { ok, text, type Route } from "../router";

const MAX_ROWS = 25_000;
const MAX_PERIOD_MS = 92 * 24 * 3600 * 1000; // "3 months" (docs)

/**
 * `YYYY-MM-DD` (whole day) or `YYYY-MM-DDTHH:mm[:ss]`. The real API assumes the account's time
 * zone; the simulator's account is on UTC.
 */
function parseDate(value: string | null, endOfDay: boolean): number | undefined {
  if (value === null) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (!day && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = Date.parse(`${value}${day ? "T00:00:00" : value.length === 16 ? ":00" : ""}Z`);
  if (Number.isNaN(ms)) return undefined;
  return day && endOfDay ? ms + 24 * 3600 * 1000 - 1 : ms;
}

export const activityRoutes: Route[] = [
  {
    name: "contacts.activity",
    method: "GET",
    pattern: /^\/api\/v2\/contacts\/activity$/,
    handler: ({ state, query }) => {
      if (!query.get("dateFrom") || !query.get("dateTo")) return text(400, "dateFrom and dateTo are required");
      const from = parseDate(query.get("dateFrom"), false);
      const to = parseDate(query.get("dateTo"), true);
      if (from === undefined || to === undefined) return text(400, "Invalid date format, expected yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss");
      if (to < from) return text(400, "dateTo must not be before dateFrom");
      if (to - from > MAX_PERIOD_MS) return text(400, "The period must not exceed 3 months");
      const maxrows = query.has("maxrows") ? Number(query.get("maxrows")) : MAX_ROWS;
      if (!Number.isInteger(maxrows) || maxrows < 1 || maxrows > MAX_ROWS) return text(400, `maxrows must be between 1 and ${MAX_ROWS}`);
      const cursor = parseCursor(query.get("offset"));
      if (cursor === "invalid") return text(400, "Invalid offset");

      const email = query.get("email")?.trim().toLowerCase();
      const sms = query.get("sms")?.trim().replace(/^\+/, "");
      const status = query.get("activityStatus")?.trim().toUpperCase();
      const tag = query.get("messageTag")?.trim().toLowerCase();
      const items: ActivityItem[] = [];
      // Only what has happened so far: events are derived from plans that reach into the future.
      forEachEvent(state, { from, to: Math.min(to, state.clock.now()), cursor }, (item) => {
        if (email && item.email?.toLowerCase() !== email) return true;
        if (sms && item.sms?.replace(/^\+/, "") !== sms) return true;
        if (status && item.activityStatus !== status) return true;
        if (tag && !(item.messageTag ?? "").toLowerCase().split(",").includes(tag)) return true;
        items.push(item);
        return items.length < maxrows;
      });
      return ok(items);
    },
  },
];
