import { getTranslations } from "next-intl/server";
import type { Response } from "@/lib/mailings/responses";

const COLORS: Record<Response, string> = {
  not_sent: "bg-gray-100 text-gray-700",
  excluded: "bg-gray-200 text-gray-600",
  sending: "bg-blue-50 text-blue-700",
  in_doubt: "bg-amber-100 text-amber-800",
  rejected: "bg-red-100 text-red-800",
  in_queue: "bg-blue-100 text-blue-800",
  delivered: "bg-green-100 text-green-800",
  read: "bg-emerald-100 text-emerald-800",
  clicked: "bg-teal-100 text-teal-800",
  not_delivered: "bg-rose-100 text-rose-800",
};

export async function ResponseBadge({ response }: { response: Response }) {
  const t = await getTranslations("responses");
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${COLORS[response]}`} data-testid="recipient-response">
      {t(response)}
    </span>
  );
}
