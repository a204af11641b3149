import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

/**
 * Server-rendered paging links that keep the other query parameters and the page size. Nothing to
 * page through shows nothing; a page past the end (an old link, a hand-edited URL) links back to
 * the last one.
 */
export async function Pager({ basePath, params, page, pageSize, total }: { basePath: string; params: Record<string, string | undefined>; page: number; pageSize: number; total: number }) {
  const t = await getTranslations("list");
  const format = await getFormatter();
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    q.set("pageSize", String(pageSize));
    return `${basePath}?${q.toString()}`;
  };
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  return (
    <div className="flex items-center justify-between gap-3 px-4 py-3 text-sm text-gray-600" data-testid="pager">
      <span>{t("range", { from: format.number(from), to: format.number(to), total: format.number(total) })}</span>
      <span className="flex items-center gap-2">
        {page > 1 ? (
          <Link className="btn-secondary px-2 py-1" href={href(Math.min(page - 1, pages))} aria-label={t("previous")}>
            ‹
          </Link>
        ) : null}
        <span>{t("pageOf", { page: format.number(page), pages: format.number(pages) })}</span>
        {page < pages ? (
          <Link className="btn-secondary px-2 py-1" href={href(page + 1)} aria-label={t("next")}>
            ›
          </Link>
        ) : null}
      </span>
    </div>
  );
}
