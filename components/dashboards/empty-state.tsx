import Link from "next/link";
import { Icon } from "@/components/shell/icons";

export type EmptyAction = { key: string; label: string; href: string; primary?: boolean };

/** A designed "nothing here": what is empty, why, and the next step — never a blank area. */
export function EmptyState({ testId, title, text, actions = [], compact = false }: { testId: string; title: string; text: string; actions?: EmptyAction[]; compact?: boolean }) {
  return (
    <div className={`card flex flex-col items-center text-center ${compact ? "py-6" : "py-12"}`} data-testid={testId}>
      <span className="flex h-12 w-12 items-center justify-center rounded-full bg-blue-50 text-blue-600">
        <Icon name="chart" className="h-6 w-6" />
      </span>
      <p className="mt-3 font-medium text-gray-900">{title}</p>
      <p className="mt-1 max-w-md text-sm text-gray-600">{text}</p>
      {actions.length ? (
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          {actions.map((a) => (
            <Link key={a.key} href={a.href} className={a.primary ? "btn-primary" : "btn-secondary"} data-testid={`${testId}-${a.key}`}>
              {a.label}
            </Link>
          ))}
        </div>
      ) : null}
    </div>
  );
}
