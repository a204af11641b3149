"use client";
import { useActionState, useCallback, useEffect, useRef, useState, useTransition } from "react";
import { focusFirstMenuItem, onMenuKeyDown, useMenuDismissal } from "@/components/ui/menu-keys";
import { useTranslations } from "next-intl";
import { groupsForImportAction, importAudienceAction, removeRecipientsAction } from "@/app/(app)/mailings/actions";
import { ActionError } from "@/components/form/action-feedback";
import { ActionForm } from "@/components/form/action-form";
import { SubmitButton } from "@/components/form/submit-button";
import { Dialog } from "@/components/ui/dialog";
import { FilterBuilder } from "@/components/contacts/filter-builder";
import { FilterCount } from "@/components/contacts/filter-count";
import { contactFilterSchema, type ContactFilter } from "@/lib/contacts/filter";
import { ContactPicker } from "./contact-picker";
import { ImportResultText } from "./import-result";

type Mode = "filter" | "selected" | "one" | null;
/** "Import by filter" takes a saved group, or conditions built on the spot (as in a dynamic group). */
type FilterSource = "group" | "conditions";

const STARTING_FILTER: ContactFilter = { combinator: "and", conditions: [{ field: "fullName", op: "contains", value: "" }] };

/** "Аудиторія +": import by filter (a group or ad-hoc conditions), import selected contacts, or add one contact. */
export function AudienceToolbar({ mailingId, hasRecipients }: { mailingId: string; hasRecipients: boolean }) {
  const t = useTranslations("audience");
  const [mode, setMode] = useState<Mode>(null);
  const [menu, setMenu] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [filterSource, setFilterSource] = useState<FilterSource>("group");
  const [groupId, setGroupId] = useState("");
  const [filter, setFilter] = useState<ContactFilter>(STARTING_FILTER);
  const [groups, loadGroups] = useActionState(groupsForImportAction, null);
  const [imported, importNow] = useActionState(importAudienceAction, null);
  const [removed, removeAll] = useActionState(removeRecipientsAction, null);
  const [pending, startTransition] = useTransition();
  const menuRoot = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  useMenuDismissal(menu, useCallback(() => setMenu(false), []), menuRoot, menuButton);

  useEffect(() => {
    if (mode === "filter" && !groups) startTransition(() => loadGroups({}));
  }, [mode, groups, loadGroups]);
  useEffect(() => {
    if (imported?.ok) {
      setMode(null);
      setPicked(new Set());
    }
  }, [imported]);

  const open = (m: Mode) => {
    setMenu(false);
    // The dialog gives the focus back, when it closes, to what had it when it opened: the menu's
    // button, not the menu item that is about to disappear (the focus would drop to the page).
    menuButton.current?.focus();
    setPicked(new Set());
    setMode(m);
  };
  const submit = (source: unknown) => startTransition(() => importNow({ mailingId, source: JSON.stringify(source) }));
  // The builder's "in static group" condition offers static groups only: a dynamic group's
  // membership is its own filter, which the group option above imports directly.
  const staticGroups = groups?.ok ? groups.data.filter((g) => g.kind === "static").map((g) => ({ id: g.id, name: g.name })) : [];
  const filterValid = contactFilterSchema.safeParse(filter).success;

  return (
    <div className="flex flex-col items-end gap-2">
      <div ref={menuRoot} className="relative flex gap-2">
        {hasRecipients ? (
          <ActionForm action={(f) => (window.confirm(t("confirmRemoveAll")) ? removeAll(f) : undefined)}>
            <input type="hidden" name="mailingId" value={mailingId} />
            <input type="hidden" name="ids" value="all" />
            <SubmitButton className="btn-secondary">{t("removeAll")}</SubmitButton>
          </ActionForm>
        ) : null}
        <button
          ref={menuButton}
          type="button"
          className="btn-primary"
          onClick={() => setMenu((m) => !m)}
          aria-haspopup="menu"
          aria-expanded={menu}
          data-testid="audience-add"
        >
          {t("add")} +
        </button>
        {menu ? (
          <div
            ref={focusFirstMenuItem}
            className="absolute right-0 top-full z-20 mt-1 w-64 rounded-md border border-gray-200 bg-white p-1 shadow-lg"
            role="menu"
            onKeyDown={onMenuKeyDown}
          >
            {(["filter", "selected", "one"] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="menuitem"
                className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-gray-100"
                onClick={() => open(m)}
                data-testid={`audience-add-${m}`}
              >
                {t(`mode.${m}`)}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {imported?.ok ? (
        <p className="text-sm text-green-800" role="status" data-testid="import-result">
          <ImportResultText result={imported.data} />
        </p>
      ) : null}
      <ActionError state={removed} />

      <Dialog open={mode === "filter"} onClose={() => setMode(null)} title={t("mode.filter")} testId="import-filter-dialog" wide={filterSource === "conditions"}>
        <div className="space-y-3">
          <div className="flex gap-4 text-sm" role="radiogroup" aria-label={t("filterSource.label")}>
            {(["group", "conditions"] as const).map((s) => (
              <label key={s} className="flex items-center gap-1.5">
                <input type="radio" name="filter-source" value={s} checked={filterSource === s} onChange={() => setFilterSource(s)} data-testid={`import-source-${s}`} />
                {t(`filterSource.${s}`)}
              </label>
            ))}
          </div>
          <ActionError state={groups} />
          {filterSource === "group" ? (
            <>
              <p className="text-sm text-gray-600">{t("filterHint")}</p>
              <select className="field-input" value={groupId} onChange={(e) => setGroupId(e.target.value)} aria-label={t("group")} data-testid="import-group">
                <option value="">{t("chooseGroup")}</option>
                {groups?.ok
                  ? groups.data.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.name} ({t(g.kind === "dynamic" ? "dynamic" : "static")})
                      </option>
                    ))
                  : null}
              </select>
              <ActionError state={imported} />
              <button type="button" className="btn-primary" disabled={!groupId || pending} onClick={() => submit({ kind: "group", groupId })} data-testid="import-group-submit">
                {pending ? t("importing") : t("importByFilter")}
              </button>
            </>
          ) : (
            <>
              <p className="text-sm text-gray-600">{t("conditionsHint")}</p>
              <FilterBuilder
                group={filter}
                onChange={setFilter}
                staticGroups={staticGroups}
                errors={imported && !imported.ok ? imported.fieldErrors : undefined}
                path="source.filter"
              />
              <FilterCount filter={filter} />
              <ActionError state={imported} />
              <button
                type="button"
                className="btn-primary"
                disabled={!filterValid || pending}
                onClick={() => submit({ kind: "filter", filter })}
                data-testid="import-conditions-submit"
              >
                {pending ? t("importing") : t("importByFilter")}
              </button>
            </>
          )}
        </div>
      </Dialog>

      <Dialog open={mode === "selected" || mode === "one"} onClose={() => setMode(null)} title={t(`mode.${mode ?? "selected"}`)} testId="import-selected-dialog" wide>
        <div className="space-y-3">
          <ContactPicker multiple={mode === "selected"} selected={picked} onChange={setPicked} />
          <ActionError state={imported} />
          <button
            type="button"
            className="btn-primary"
            disabled={picked.size === 0 || pending}
            onClick={() => submit({ kind: "contacts", contactIds: [...picked] })}
            data-testid="import-selected-submit"
          >
            {pending ? t("importing") : mode === "one" ? t("addContact") : t("importSelected", { count: picked.size })}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

export function RemoveRecipientButton({ mailingId, recipientId }: { mailingId: string; recipientId: number }) {
  const t = useTranslations("audience");
  const [state, action] = useActionState(removeRecipientsAction, null);
  return (
    <ActionForm action={action}>
      <input type="hidden" name="mailingId" value={mailingId} />
      <input type="hidden" name="ids" value={String(recipientId)} />
      <ActionError state={state} />
      <SubmitButton className="px-2 py-1 text-xs text-gray-500 hover:text-red-700" aria-label={t("remove")}>
        ✕
      </SubmitButton>
    </ActionForm>
  );
}
