"use client";
import { useCallback, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { tableStateToQuery, type TableConfig, type TableState } from "./table-state";

/**
 * Changes the table's view by changing the URL; the server page then renders the new rows.
 * Anything but a page change starts again at page 1 (page 7 of another filter means nothing).
 * `pending` is true while the new page is on its way.
 */
export function useTableNavigation(state: TableState, config: TableConfig) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const update = useCallback(
    (patch: Partial<TableState>) => {
      const next: TableState = { ...state, ...patch, page: patch.page ?? 1 };
      const query = tableStateToQuery(next, config, new URLSearchParams(searchParams.toString())).toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [state, config, searchParams, pathname, router],
  );
  return { update, pending };
}
