"use client";
import { useCallback, useEffect, useOptimistic, useRef, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { nextTableView, type TableConfig, type TablePatch, type TableState, type TableView } from "./table-state";

/**
 * Changes the table's view by changing the URL; the server page then renders the new rows.
 * `pending` is true while the new page is on its way; `state` is the view last asked for, shown
 * at once so that a chosen filter, sort or page size does not snap back while its page loads.
 */
export function useTableNavigation(state: TableState, config: TableConfig) {
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const [pending, startTransition] = useTransition();
  const [shown, show] = useOptimistic(state);
  // The view last asked for, while its page is on its way. The next change is built on it, not on
  // the URL, which stays the old one until then: otherwise a filter typed while the previous page
  // loads would drop that page's change, or be dropped itself when it lands.
  const requested = useRef<TableView | null>(null);
  useEffect(() => {
    // It has landed — or nothing of ours is on the way and the URL was changed by something else
    // (the back button, a link), which is then the view to build on.
    if (requested.current && (requested.current.query === query || !pending)) requested.current = null;
  }, [query, pending]);
  const update = useCallback(
    (patch: TablePatch) => {
      const next = nextTableView(requested.current ?? { state, query }, patch, config);
      requested.current = next;
      startTransition(() => {
        show(next.state);
        router.replace(next.query ? `${pathname}?${next.query}` : pathname, { scroll: false });
      });
    },
    [state, query, config, pathname, router, show],
  );
  return { state: shown, update, pending };
}
