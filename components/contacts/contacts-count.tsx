import { Suspense } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ContactsCount as Count } from "@/lib/contacts/contacts-table-query";

/** "1 234 контакти" / "понад 10 000 контактів", streamed in when the count is ready. */
export function ContactsCount({ count }: { count: Promise<Count> }) {
  return (
    <Suspense fallback={<span className="text-sm text-gray-400">…</span>}>
      <CountText count={count} />
    </Suspense>
  );
}

async function CountText({ count }: { count: Promise<Count> }) {
  const [total, t, format] = await Promise.all([count, getTranslations("contacts"), getFormatter()]);
  return (
    <span className="text-sm text-gray-600" data-testid="view-count">
      {total.capped ? t("countCapped", { count: format.number(total.count) }) : t("count", { count: total.count })}
    </span>
  );
}
