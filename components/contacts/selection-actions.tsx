"use client";
import { startTransition, useActionState, useEffect, useId, useState } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ActionError, FieldErrorText, fieldErrorAria, useFieldErrors } from "@/components/form/action-feedback";
import type { Selection } from "@/components/data-table/data-table";
import { ImportResultText } from "@/components/mailings/import-result";
import { addToGroupAction, addViewToGroupAction, removeFromGroupAction } from "@/app/(app)/contacts/actions";
import { addContactsToMailingAction, importTargetsAction } from "@/app/(app)/mailings/actions";
import type { GroupOption } from "./contacts-table";

const NEW_GROUP = "__new";

/**
 * What a manager can do with ticked contacts: put them in a static group, take them out of this
 * one, or add them to a draft mailing. After a success the group choice starts afresh (the same
 * new group's name sent twice would be refused as taken), but the ticks stay: the same people
 * often go into a second group or mailing, and the result is shown in the bar the ticks keep open.
 */
export function SelectionActions({ selection, groups, currentGroup }: { selection: Selection; groups: GroupOption[]; currentGroup?: { id: string; kind: string } }) {
  const t = useTranslations("contacts.selection");
  const format = useFormatter();
  const id = useId();
  const firstChoice = groups.find((g) => g.id !== currentGroup?.id)?.id ?? NEW_GROUP;
  const [target, setTarget] = useState(firstChoice);
  const [newName, setNewName] = useState("");
  const [added, add, adding] = useActionState(addToGroupAction, null);
  const [removed, remove, removing] = useActionState(removeFromGroupAction, null);
  const busy = adding || removing;
  const [resetFor, setResetFor] = useState<number | null>(null);
  if (added?.ok && added.at !== resetFor) {
    // Adjusted while rendering rather than in an effect, so the cleared inputs appear with the result.
    setResetFor(added.at);
    setTarget(firstChoice);
    setNewName("");
  }
  // Only the latest answer is shown: an older error beside a newer success would contradict it.
  const addedLast = (added?.at ?? 0) >= (removed?.at ?? 0);
  const addState = addedLast ? added : null;
  const removeState = addedLast ? null : removed;
  const fe = addState && !addState.ok ? addState.fieldErrors : removeState && !removeState.ok ? removeState.fieldErrors : undefined;
  const groupErrors = useFieldErrors(fe?.groupId);
  const nameErrors = useFieldErrors(fe?.newGroupName);
  const contactIds = selection.ids;
  return (
    <div className="flex flex-wrap items-start gap-2" data-testid="selection-actions">
      <span className="inline-flex flex-col">
        <select
          aria-label={t("chooseGroup")}
          value={target}
          onChange={(e) => {
            groupErrors.onEdit();
            setTarget(e.target.value);
          }}
          className="rounded border border-gray-300 bg-white px-2 py-1 text-sm"
          {...fieldErrorAria(groupErrors.errors, `${id}-group`)}
          data-testid="selection-group"
        >
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
          <option value={NEW_GROUP}>{t("newGroup")}</option>
        </select>
        <FieldErrorText errors={groupErrors.errors} id={`${id}-group`} />
      </span>
      {target === NEW_GROUP ? (
        <span className="inline-flex flex-col">
          <input
            aria-label={t("newGroupName")}
            placeholder={t("newGroupName")}
            value={newName}
            onChange={(e) => {
              nameErrors.onEdit();
              setNewName(e.target.value);
            }}
            className="rounded border border-gray-300 px-2 py-1 text-sm"
            {...fieldErrorAria(nameErrors.errors, `${id}-name`)}
            data-testid="selection-new-group"
          />
          <FieldErrorText errors={nameErrors.errors} id={`${id}-name`} />
        </span>
      ) : null}
      <button
        type="button"
        className="btn-primary px-2 py-1"
        data-testid="selection-add"
        disabled={busy}
        aria-busy={adding}
        onClick={() => startTransition(() => add(target === NEW_GROUP ? { newGroupName: newName, contactIds } : { groupId: target, contactIds }))}
      >
        {adding ? t("adding") : t("addToGroup")}
      </button>
      <AddToMailing contactIds={contactIds} />
      {currentGroup?.kind === "static" ? (
        <button
          type="button"
          className="btn-danger px-2 py-1"
          data-testid="selection-remove"
          disabled={busy}
          aria-busy={removing}
          onClick={() => startTransition(() => remove({ groupId: currentGroup.id, contactIds }))}
        >
          {removing ? t("removing") : t("removeFromGroup")}
        </button>
      ) : null}
      {/* The ticked ids have no field of their own (too many of them, say). */}
      <FieldErrorText errors={fe?.contactIds} />
      <ActionError state={addState} testId="selection-error" />
      <ActionError state={removeState} testId="selection-error" />
      {addState?.ok ? (
        <span role="status" className="text-green-700" data-testid="selection-result">
          {t("added", { group: addState.data.groupName, count: format.number(addState.data.added) })}
        </span>
      ) : null}
      {removeState?.ok ? (
        <span role="status" className="text-green-700" data-testid="selection-result">
          {t("removed", { count: format.number(removeState.data.removed) })}
        </span>
      ) : null}
    </div>
  );
}

/** "Add all found": the whole current view, however many pages it has, to a static group or a draft mailing. */
export function AddViewToGroup({ groups, exclude, viewQuery }: { groups: GroupOption[]; exclude?: string; viewQuery: string }) {
  const t = useTranslations("contacts.selection");
  const format = useFormatter();
  const id = useId();
  const choices = groups.filter((g) => g.id !== exclude);
  const [groupId, setGroupId] = useState(choices[0]?.id ?? "");
  const [state, add, adding] = useActionState(addViewToGroupAction, null);
  const [open, setOpen] = useState(false);
  // The group the result is about, kept from the click: the select may have moved on since.
  const [addedTo, setAddedTo] = useState("");
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const groupErrors = useFieldErrors(fe?.groupId);
  const submit = () => {
    setAddedTo(choices.find((g) => g.id === groupId)?.name ?? "");
    startTransition(() => add({ groupId, viewQuery }));
  };
  return (
    <details className="relative" data-testid="add-view-to-group" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="btn-secondary cursor-pointer list-none">{t("addAllMatching")}</summary>
      <div className="absolute right-0 z-20 mt-1 w-80 space-y-3 rounded-md border border-gray-200 bg-white p-3 text-sm shadow-lg">
        <p className="text-xs text-gray-600">{t("addAllMatchingHint")}</p>
        {choices.length > 0 ? (
          <section className="space-y-2">
            <h3 className="font-medium">{t("toGroup")}</h3>
            <div>
              <select
                aria-label={t("chooseGroup")}
                value={groupId}
                onChange={(e) => {
                  groupErrors.onEdit();
                  setGroupId(e.target.value);
                }}
                className="field-input"
                {...fieldErrorAria(groupErrors.errors, `${id}-group`)}
              >
                {choices.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
              <FieldErrorText errors={groupErrors.errors} id={`${id}-group`} />
            </div>
            <button type="button" className="btn-primary w-full" disabled={adding} aria-busy={adding} onClick={submit}>
              {adding ? t("adding") : t("add")}
            </button>
            <FieldErrorText errors={fe?.viewQuery} />
            <ActionError state={state} />
            {state?.ok ? (
              <p role="status" className="text-green-700">
                {t("added", { group: addedTo, count: format.number(state.data.added) })}
              </p>
            ) : null}
          </section>
        ) : null}
        <section className="space-y-2 border-t border-gray-100 pt-3" data-testid="view-to-mailing">
          <h3 className="font-medium">{t("toMailing")}</h3>
          {/* Drafts are fetched only once the panel is opened, not with every page of the table. */}
          {open ? <MailingTargetForm payload={{ viewQuery }} /> : null}
        </section>
      </div>
    </details>
  );
}

/** "Add to mailing" for the ticked contacts: a small panel under its button. */
function AddToMailing({ contactIds }: { contactIds: string[] }) {
  const t = useTranslations("contacts.selection");
  const [open, setOpen] = useState(false);
  return (
    <details className="relative" data-testid="selection-mailing" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="btn-secondary cursor-pointer list-none px-2 py-1">{t("addToMailing")}</summary>
      {open ? (
        <div className="absolute right-0 z-20 mt-1 w-80 space-y-2 rounded-md border border-gray-200 bg-white p-3 text-sm shadow-lg">
          <MailingTargetForm payload={{ contactIds }} />
        </div>
      ) : null}
    </details>
  );
}

/**
 * Choose a draft (searchable by name; only drafts are offered, since a mailing's audience is
 * frozen once sending starts) and add the contacts to it with the Audience tab's own import. The
 * server re-checks the role and that the mailing is still a draft; the result links to its audience.
 */
function MailingTargetForm({ payload }: { payload: { contactIds: string[] } | { viewQuery: string } }) {
  const t = useTranslations("contacts.selection");
  const id = useId();
  const [search, setSearch] = useState("");
  const [targets, loadTargets, loading] = useActionState(importTargetsAction, null);
  const [mailingId, setMailingId] = useState("");
  const [addedTo, setAddedTo] = useState("");
  const [result, add, adding] = useActionState(addContactsToMailingAction, null);
  const [resetFor, setResetFor] = useState<number | null>(null);
  if (result?.ok && result.at !== resetFor) {
    // Like a form after a success: the search and the choice start afresh; the result names the mailing.
    setResetFor(result.at);
    setSearch("");
    setMailingId("");
  }
  const fe = result && !result.ok ? result.fieldErrors : undefined;
  const mailingErrors = useFieldErrors(fe?.mailingId);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => loadTargets({ search })), search ? 250 : 0);
    return () => clearTimeout(timer);
  }, [search, loadTargets]);
  const drafts = targets?.ok ? targets.data : [];
  // The choice falls back to the newest draft when a new search no longer lists it.
  const chosen = drafts.find((d) => d.id === mailingId) ?? drafts[0];
  const submit = () => {
    if (!chosen || adding) return;
    setAddedTo(chosen.name);
    startTransition(() => add({ mailingId: chosen.id, ...payload }));
  };
  return (
    <div className="space-y-2" data-testid="mailing-target">
      <p className="text-xs text-gray-600">{t("addToMailingHint")}</p>
      <input
        type="search"
        className="field-input"
        placeholder={t("searchMailings")}
        aria-label={t("searchMailings")}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="mailing-target-search"
      />
      <ActionError state={targets} />
      {!targets || (loading && drafts.length === 0) ? (
        <p className="text-gray-500">{t("loadingMailings")}</p>
      ) : targets.ok && drafts.length === 0 ? (
        <p className="text-gray-600" data-testid="mailing-target-none">
          {t("noDrafts")}
        </p>
      ) : drafts.length > 0 ? (
        <>
          <div>
            <select
              aria-label={t("chooseMailing")}
              value={chosen?.id ?? ""}
              onChange={(e) => {
                mailingErrors.onEdit();
                setMailingId(e.target.value);
              }}
              className="field-input"
              {...fieldErrorAria(mailingErrors.errors, `${id}-mailing`)}
              data-testid="mailing-target-select"
            >
              {drafts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} · {d.channel === "sms" ? "SMS" : "Email"}
                </option>
              ))}
            </select>
            <FieldErrorText errors={mailingErrors.errors} id={`${id}-mailing`} />
          </div>
          <button type="button" className="btn-primary w-full" disabled={adding} aria-busy={adding} onClick={submit} data-testid="mailing-target-add">
            {adding ? t("adding") : t("addToMailing")}
          </button>
        </>
      ) : null}
      {/* The contacts (too many ticked) or the view have no field of their own. */}
      <FieldErrorText errors={fe?.contactIds ?? fe?.viewQuery} />
      <ActionError state={result} testId="mailing-target-error" />
      {result?.ok ? (
        <p role="status" className="text-green-700" data-testid="mailing-target-result">
          {t("addedToMailing", { mailing: addedTo })} <ImportResultText result={result.data} />{" "}
          <Link href={`/mailings/${result.data.mailingId}?tab=audience`} className="text-blue-700 underline" data-testid="mailing-target-link">
            {t("openAudience")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
