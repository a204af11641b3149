"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ImportReport } from "@/lib/mailings/audience";

/** "Added 12; 3 will not receive it (no email 2, do-not-email 1); 4 already in the audience." */
export function ImportResultText({ result }: { result: ImportReport }) {
  const t = useTranslations("audience");
  const format = useFormatter();
  const reasons = Object.entries(result.excludedByReason)
    .map(([reason, n]) => `${t.has(`reason.${reason}`) ? t(`reason.${reason}` as "reason.no_email") : reason} ${format.number(n)}`)
    .join(", ");
  const values = { added: format.number(result.added), excluded: format.number(result.excluded), duplicates: format.number(result.duplicates) };
  return <>{reasons ? t("importResultReasons", { ...values, reasons }) : t("importResult", values)}</>;
}
