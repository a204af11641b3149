import { Suspense } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CappedCount, GroupListItem } from "@/db/queries/groups";
import { DynamicGroupLink, GroupCountBadge } from "./group-count";
import { GroupIcon } from "./group-icon";

/** Static groups' member counts (capped), streamed in after the table: group id → count. */
type StaticCounts = Promise<Map<string, CappedCount>>;

/**
 * The groups list beside the contacts table, as in the CRM: "Favourites" first, then "All" with
 * groups arranged by folder, each with its size. Choosing a group filters the table (?group=…).
 */
export async function GroupTree({
  groups,
  selectedId,
  canManage,
  staticCounts,
}: {
  groups: GroupListItem[];
  selectedId?: string;
  canManage: boolean;
  staticCounts: StaticCounts;
}) {
  const t = await getTranslations("groups");
  const favourites = groups.filter((g) => g.isFavourite);
  const folders = new Map<string, GroupListItem[]>();
  const loose: GroupListItem[] = [];
  for (const g of groups) {
    if (g.folder) folders.set(g.folder, [...(folders.get(g.folder) ?? []), g]);
    else loose.push(g);
  }
  return (
    <nav aria-label={t("title")} className="space-y-4 text-sm" data-testid="group-tree">
      <section>
        <h2 className="mb-1 flex items-center gap-1.5 font-semibold text-gray-700">
          <GroupIcon kind="star" className="h-4 w-4 text-amber-500" /> {t("favourites")}
        </h2>
        {favourites.length ? <GroupLinks groups={favourites} selectedId={selectedId} counts={staticCounts} /> : <p className="pl-6 text-xs text-gray-500">{t("noFavourites")}</p>}
      </section>
      <section>
        <Link
          href="/contacts"
          aria-current={selectedId ? undefined : "page"}
          className={`mb-1 flex items-center gap-1.5 rounded px-1 font-semibold ${selectedId ? "text-gray-700 hover:bg-gray-100" : "bg-blue-50 text-blue-800"}`}
        >
          <GroupIcon kind="static" /> {t("all")}
        </Link>
        <div className="space-y-1 pl-3">
          {[...folders.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([folder, items]) => (
              <details key={folder} open={items.some((g) => g.id === selectedId) || undefined} className="group">
                <summary className="cursor-pointer select-none rounded px-1 text-gray-700 hover:bg-gray-100">{folder}</summary>
                <div className="pl-3">
                  <GroupLinks groups={items} selectedId={selectedId} counts={staticCounts} />
                </div>
              </details>
            ))}
          <GroupLinks groups={loose} selectedId={selectedId} counts={staticCounts} />
        </div>
      </section>
      {canManage ? (
        <div className="flex flex-col gap-1 border-t border-gray-200 pt-3">
          <Link href="/contacts/groups/new?kind=static" className="text-blue-700 hover:underline" data-testid="new-static-group">
            {t("addStatic")}
          </Link>
          <Link href="/contacts/groups/new?kind=dynamic" className="text-blue-700 hover:underline" data-testid="new-dynamic-group">
            {t("addDynamic")}
          </Link>
        </div>
      ) : null}
    </nav>
  );
}

function GroupLinks({ groups, selectedId, counts }: { groups: GroupListItem[]; selectedId?: string; counts: StaticCounts }) {
  const linkClass = (selected: boolean) =>
    `flex items-center gap-1.5 rounded px-1 py-0.5 ${selected ? "bg-blue-50 font-medium text-blue-800" : "text-gray-700 hover:bg-gray-100"}`;
  return (
    <ul className="space-y-0.5">
      {groups.map((g) => (
        <li key={g.id}>
          {g.kind === "dynamic" ? (
            <DynamicGroupLink group={g} selected={g.id === selectedId} className={linkClass(g.id === selectedId)} />
          ) : (
            <Link href={`/contacts?group=${g.id}`} aria-current={g.id === selectedId ? "page" : undefined} className={linkClass(g.id === selectedId)} data-testid="group-link">
              <GroupIcon kind="static" className="h-4 w-4 text-sky-600" />
              <span className="truncate">{g.name}</span>
              <Suspense fallback={null}>
                <StaticCount counts={counts} groupId={g.id} />
              </Suspense>
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

async function StaticCount({ counts, groupId }: { counts: StaticCounts; groupId: string }) {
  const count = (await counts).get(groupId);
  return count ? <GroupCountBadge count={count} /> : null;
}
