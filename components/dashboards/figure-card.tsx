import Link from "next/link";

export type FigurePart = { key: string; label: string; value: string; href: string };

/**
 * One number on the dashboard. The number is a link to the rows it counted; a figure that adds up
 * several statuses links each part instead (the mailings list filters on one status at a time).
 */
export function FigureCard({
  testId,
  label,
  value,
  href,
  note,
  parts,
}: {
  testId: string;
  label: string;
  value: string;
  href?: string;
  note?: string;
  parts?: FigurePart[];
}) {
  const valueClass = "mt-1 block text-2xl font-semibold tabular-nums sm:text-3xl";
  return (
    <div className="card flex flex-col p-4" data-testid={testId}>
      <p className="text-sm text-gray-600">{label}</p>
      {href ? (
        <Link href={href} className={`${valueClass} text-blue-700 hover:underline`} data-testid={`${testId}-value`}>
          {value}
        </Link>
      ) : (
        <p className={`${valueClass} text-gray-900`} data-testid={`${testId}-value`}>
          {value}
        </p>
      )}
      {note ? <p className="mt-1 text-sm text-gray-500">{note}</p> : null}
      {parts?.length ? (
        <ul className="mt-2 space-y-0.5 text-sm">
          {parts.map((p) => (
            <li key={p.key} className="flex justify-between gap-2">
              <span className="text-gray-600">{p.label}</span>
              <Link href={p.href} className="tabular-nums text-blue-700 hover:underline" data-testid={`${testId}-${p.key}`}>
                {p.value}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
