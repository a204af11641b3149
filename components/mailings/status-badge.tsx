import { getTranslations } from "next-intl/server";
import type { MailingStatus } from "@/db/schema";

const COLORS: Record<MailingStatus, string> = {
  draft: "bg-gray-100 text-gray-700",
  queued: "bg-amber-100 text-amber-800",
  sending: "bg-blue-100 text-blue-800",
  sent: "bg-green-100 text-green-800",
  partially_sent: "bg-orange-100 text-orange-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-gray-200 text-gray-700",
};

export async function StatusBadge({ status }: { status: MailingStatus }) {
  const t = await getTranslations("mailingStatus");
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${COLORS[status]}`} data-testid="mailing-status">
      {t(status)}
    </span>
  );
}
