"use client";
import { useTranslations } from "next-intl";

type Flags = { doNotUseEmail: boolean; doNotUseSms: boolean; emailInvalid: boolean };
const FLAGS = ["doNotUseEmail", "doNotUseSms", "emailInvalid"] as const;

/** Small marks for the contacts mailings will skip on a channel. */
export function ContactFlags({ contact }: { contact: Flags }) {
  const t = useTranslations("contacts.badges");
  const set = FLAGS.filter((f) => contact[f]);
  if (set.length === 0) return null;
  return (
    <span className="ml-1 inline-flex flex-wrap gap-1 align-middle">
      {set.map((f) => (
        <span key={f} className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800" data-testid={`flag-${f}`}>
          {t(f)}
        </span>
      ))}
    </span>
  );
}

/**
 * One flag's value in a contact's details: the translated "Yes" (as a badge — it is the exception
 * worth noticing) or "No". Words rather than ✓ / —, which screen readers read as "check mark" and
 * "dash", or skip.
 */
export function FlagValue({ on, testId }: { on: boolean; testId?: string }) {
  const t = useTranslations("common");
  return on ? (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800" data-testid={testId}>
      {t("yes")}
    </span>
  ) : (
    <span className="text-gray-600" data-testid={testId}>
      {t("no")}
    </span>
  );
}
