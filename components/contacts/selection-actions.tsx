"use client";
import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/form/action-feedback";
import type { Selection } from "@/components/data-table/data-table";
import { addToGroupAction, addViewToGroupAction, removeFromGroupAction } from "@/app/(app)/contacts/actions";
import type { GroupOption } from "./contacts-table";

const NEW_GROUP = "__new";

/**
 * What a manager can do with ticked contacts: put them in a static group, or take them out of this
 * one. The selection stays afterwards (the same people often go into a second group).
 */
export function SelectionActions({ selection, groups, currentGroup }: { selection: Selection; groups: GroupOption[]; currentGroup?: { id: string; kind: string } }) {
  const t = useTranslations("contacts.selection");
  const [target, setTarget] = useState(groups.find((g) => g.id !== currentGroup?.id)?.id ?? NEW_GROUP);
  const [newName, setNewName] = useState("");
  const [added, add] = useActionState(addToGroupAction, null);
  const [removed, remove] = useActionState(removeFromGroupAction, null);
  const contactIds = selection.ids;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="selection-actions">
      <select aria-label={t("chooseGroup")} value={target} onChange={(e) => setTarget(e.target.value)} className="rounded border border-gray-300 bg-white px-2 py-1 text-sm" data-testid="selection-group">
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
        <option value={NEW_GROUP}>{t("newGroup")}</option>
      </select>
      {target === NEW_GROUP ? (
        <input
          aria-label={t("newGroupName")}
          placeholder={t("newGroupName")}
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          className="rounded border border-gray-300 px-2 py-1 text-sm"
          data-testid="selection-new-group"
        />
      ) : null}
      <button
        type="button"
        className="btn-primary px-2 py-1"
        data-testid="selection-add"
        onClick={() => startTransition(() => add(target === NEW_GROUP ? { newGroupName: newName, contactIds } : { groupId: target, contactIds }))}
      >
        {t("addToGroup")}
      </button>
      {currentGroup?.kind === "static" ? (
        <button type="button" className="btn-danger px-2 py-1" data-testid="selection-remove" onClick={() => startTransition(() => remove({ groupId: currentGroup.id, contactIds }))}>
          {t("removeFromGroup")}
        </button>
      ) : null}
      <ActionError state={added} testId="selection-error" />
      <ActionError state={removed} testId="selection-error" />
      {added?.ok ? (
        <span role="status" className="text-green-700" data-testid="selection-result">
          {t("added", { group: added.data.groupName, count: added.data.added })}
        </span>
      ) : null}
      {removed?.ok ? (
        <span role="status" className="text-green-700" data-testid="selection-result">
          {t("removed", { count: removed.data.removed })}
        </span>
      ) : null}
    </div>
  );
}

/** "Add all found to a group": the whole current view, however many pages it has. */
export function AddViewToGroup({ groups, exclude, viewQuery }: { groups: GroupOption[]; exclude?: string; viewQuery: string }) {
  const t = useTranslations("contacts.selection");
  const choices = groups.filter((g) => g.id !== exclude);
  const [groupId, setGroupId] = useState(choices[0]?.id ?? "");
  const [state, add] = useActionState(addViewToGroupAction, null);
  if (choices.length === 0) return null;
  const groupName = choices.find((g) => g.id === groupId)?.name ?? "";
  return (
    <details className="relative" data-testid="add-view-to-group">
      <summary className="btn-secondary cursor-pointer list-none">{t("addAllMatching")}</summary>
      <div className="absolute right-0 z-20 mt-1 w-80 space-y-2 rounded-md border border-gray-200 bg-white p-3 text-sm shadow-lg">
        <p className="text-xs text-gray-600">{t("addAllMatchingHint")}</p>
        <select aria-label={t("chooseGroup")} value={groupId} onChange={(e) => setGroupId(e.target.value)} className="field-input">
          {choices.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <button type="button" className="btn-primary w-full" onClick={() => startTransition(() => add({ groupId, viewQuery }))}>
          {t("add")}
        </button>
        <ActionError state={state} />
        {state?.ok ? (
          <p role="status" className="text-green-700">
            {t("added", { group: groupName, count: state.data.added })}
          </p>
        ) : null}
      </div>
    </details>
  );
}
