import type { GroupListItem } from "@/db/queries/groups";

/** What the group form offers: static groups to refer to in conditions, and existing folder names. */
export function groupFormOptions(groups: GroupListItem[]) {
  return {
    staticGroups: groups.filter((g) => g.kind === "static").map((g) => ({ id: g.id, name: g.name })),
    folders: [...new Set(groups.flatMap((g) => (g.folder ? [g.folder] : [])))].sort(),
  };
}
