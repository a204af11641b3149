import type { Db } from "@/db/types";
import type { Channel } from "@/db/schema";
import { listCreators } from "@/db/queries/mailings";
import { listMessages } from "@/db/queries/messages";
import {
  countMailingsByBucket,
  countResponsesByBucket,
  listSendingProgress,
  topMailingsByAudience,
  type AudienceRow,
  type DashboardScope,
  type ProgressRow,
} from "@/db/queries/dashboard";
import type { DashboardFilter } from "./filter";
import { listBuckets } from "./period";
import { summariseChannel, type ChannelSummary } from "./summary";

/** As many rows as the seed's "Top SMS mailings by audience size" widget shows at a glance. */
export const TOP_AUDIENCE_LIMIT = 10;
/** Enough for a filter drop-down; a desk has tens of saved messages, not thousands. */
const MESSAGE_OPTIONS_LIMIT = 500;

export type DashboardData = {
  email: ChannelSummary;
  sms: ChannelSummary;
  topSms: AudienceRow[];
  smsProgress: { rows: ProgressRow[]; total: number };
  creators: { id: string; name: string }[];
  messages: { id: string; name: string; channel: Channel }[];
};

/**
 * Everything the Dashboards page shows, in one call (the page and `npm run bench:dashboard` both
 * use it, so the benchmark measures what a visitor waits for). Queries run side by side.
 */
export async function loadDashboard(db: Db, f: DashboardFilter): Promise<DashboardData> {
  const scope: DashboardScope = { from: f.from, to: f.to, createdBy: f.createdBy, messageId: f.messageId };
  const buckets = listBuckets(f.from, f.to, f.bucket);
  const summarise = async (channel: Channel) => {
    const [mailingRows, responseRows] = await Promise.all([
      countMailingsByBucket(db, { scope, channel, bucket: f.bucket }),
      countResponsesByBucket(db, { scope, channel, bucket: f.bucket }),
    ]);
    return summariseChannel(channel, { mailingRows, responseRows, buckets });
  };
  const [email, sms, topSms, smsProgress, creators, messages] = await Promise.all([
    summarise("email"),
    summarise("sms"),
    topMailingsByAudience(db, { scope, channel: "sms", limit: TOP_AUDIENCE_LIMIT }),
    listSendingProgress(db, { scope, channel: "sms", page: f.page, pageSize: f.pageSize }),
    listCreators(db),
    listMessages(db, { page: 1, pageSize: MESSAGE_OPTIONS_LIMIT }),
  ]);
  return {
    email,
    sms,
    topSms,
    smsProgress,
    creators,
    messages: messages.rows.map((m) => ({ id: m.id, name: m.name, channel: m.channel })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
