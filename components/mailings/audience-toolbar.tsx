"use client";
import { useActionState, useEffect, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { groupsForImportAction, importAudienceAction, removeRecipientsAction } from "@/app/(app)/mailings/actions";
import { ActionError } from "@/components/form/action-feedback";
import { ActionForm } from "@/components/form/action-form";
import { SubmitButton } from "@/components/form/submit-button";
import { Dialog } from "@/components/ui/dialog";
import { ContactPicker } from "./contact-picker";

type Mode = "filter" | "selected" | "one" | null;

/** "Аудиторія +": import by filter (a group), import selected contacts, or add one contact. */
export function AudienceToolbar({ mailingId, hasRecipients }: { mailingId: string; hasRecipients: boolean }) {
  const t = useTranslations("audience");
  const format = useFormatter();
  const [mode, setMode] = useState<Mode>(null);
  const [menu, setMenu] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [groupId, setGroupId] = useState("");
  const [groups, loadGroups] = useActionState(groupsForImportAction, null);
  const [imported, importNow] = useActionState(importAudienceAction, null);
  const [removed, removeAll] = useActionState(removeRecipientsAction, null);
  const [pending, startTransition] = useTransition();

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
    setPicked(new Set());
    setMode(m);
  };
  const submit = (source: unknown) => startTransition(() => importNow({ mailingId, source: JSON.stringify(source) }));

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="relative flex gap-2">
        {hasRecipients ? (
          <ActionForm action={(f) => (window.confirm(t("confirmRemoveAll")) ? removeAll(f) : undefined)}>
            <input type="hidden" name="mailingId" value={mailingId} />
            <input type="hidden" name="ids" value="all" />
            <SubmitButton className="btn-secondary">{t("removeAll")}</SubmitButton>
          </ActionForm>
        ) : null}
        <button type="button" className="btn-primary" onClick={() => setMenu((m) => !m)} aria-expanded={menu} data-testid="audience-add">
          {t("add")} +
        </button>
        {menu ? (
          <div className="absolute right-0 top-full z-20 mt-1 w-64 rounded-md border border-gray-200 bg-white p-1 shadow-lg" role="menu">
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
          {t("importResult", {
            added: format.number(imported.data.added),
            excluded: format.number(imported.data.excluded),
            duplicates: format.number(imported.data.duplicates),
          })}
        </p>
      ) : null}
      <ActionError state={removed} />

      <Dialog open={mode === "filter"} onClose={() => setMode(null)} title={t("mode.filter")} testId="import-filter-dialog">
        <div className="space-y-3">
          <p className="text-sm text-gray-600">{t("filterHint")}</p>
          <ActionError state={groups} />
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
