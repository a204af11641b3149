"use client";
import { useState } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { CappedCount, GroupListItem } from "@/db/queries/groups";
import { countGroupAction } from "@/app/(app)/contacts/groups/actions";
import { GroupIcon } from "./group-icon";

/** "1 234" or "10 000+", with the full sentence as its tooltip. */
export function GroupCountBadge({ count }: { count: CappedCount }) {
  const t = useTranslations();
  const format = useFormatter();
  const title = count.capped ? t("groups.count.capped", { count: format.number(count.count) }) : t("groups.count.members", { count: count.count });
  return (
    <span className="ml-auto shrink-0 pl-2 text-xs tabular-nums text-gray-500" title={title} data-testid="group-count">
      {format.number(count.count)}
      {count.capped ? "+" : ""}
    </span>
  );
}

/**
 * A dynamic group in the groups list. Its size is its filter run over the whole base — with a
 * million contacts, too slow to do for every group on every page view — so it is counted (capped)
 * the first time the user points at the group or tabs to it, and kept.
 */
export function DynamicGroupLink({ group, selected, className }: { group: GroupListItem; selected: boolean; className: string }) {
  const t = useTranslations("groups");
  const [count, setCount] = useState<CappedCount | "counting" | null>(null);
  const countNow = () => {
    if (count !== null) return;
    setCount("counting");
    countGroupAction(null, { groupId: group.id })
      .then((result) => setCount(result?.ok ? result.data : null))
      .catch(() => setCount(null));
  };
  return (
    <Link
      href={`/contacts?group=${group.id}`}
      aria-current={selected ? "page" : undefined}
      className={className}
      data-testid="group-link"
      onMouseEnter={countNow}
      onFocus={countNow}
      title={count === null ? t("count.onHover") : undefined}
    >
      <GroupIcon kind="dynamic" className="h-4 w-4 text-violet-600" />
      <span className="truncate">{group.name}</span>
      {count === "counting" ? <span className="ml-auto pl-2 text-xs text-gray-400">…</span> : count ? <GroupCountBadge count={count} /> : null}
    </Link>
  );
}
