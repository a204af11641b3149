import { getFormatter, getTranslations } from "next-intl/server";
import type { Preflight } from "@/lib/mailings/audience";

/** "N will receive, M excluded: no phone 3, do-not-SMS 1 …" — before anything is sent. */
export async function PreflightSummary({ preflight, channel }: { preflight: Preflight; channel: "email" | "sms" }) {
  const t = await getTranslations("preflight");
  const format = await getFormatter();
  const reasons = Object.entries(preflight.byReason).sort((a, b) => b[1] - a[1]);
  return (
    <div
      className={`rounded-lg border px-4 py-3 text-sm ${preflight.willReceive ? "border-blue-200 bg-blue-50 text-blue-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}
      data-testid="preflight"
    >
      <p className="font-medium">
        {preflight.willReceive
          ? t("willReceive", { count: preflight.willReceive, channel: channel === "email" ? "email" : "SMS" })
          : t("nobody")}
        {preflight.excluded ? ` ${t("excluded", { count: preflight.excluded })}` : null}
      </p>
      {reasons.length ? (
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1" data-testid="preflight-reasons">
          {reasons.map(([reason, n]) => (
            <li key={reason}>
              {t.has(`reason.${reason}`) ? t(`reason.${reason}` as never) : reason}: <span className="font-semibold">{format.number(n)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
