"use client";
import { useTranslations } from "next-intl";
import type { RowProblem } from "@/lib/contacts/import-types";

/** "Mobile phone: Enter a valid phone number…" — each problem of a row, translated. */
export function RowProblems({ problems }: { problems: RowProblem[] }) {
  const t = useTranslations();
  return (
    <ul className="space-y-0.5" data-testid="row-problems">
      {problems.map((p, i) => (
        <li key={i} className="text-red-700">
          {p.field ? <span className="font-medium">{t(`contacts.fields.${p.field}`)}: </span> : null}
          {t(p.key as "validation.invalid", p.values as never)}
        </li>
      ))}
    </ul>
  );
}
