"use client";
import { useActionState, useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { ContactGroup } from "@/db/schema";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, FieldErrorText, fieldErrorAria, useFieldErrors } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import type { ContactFilter } from "@/lib/contacts/filter";
import { createGroupAction, updateGroupAction } from "@/app/(app)/contacts/groups/actions";
import type { GroupOption } from "./contacts-table";
import { FilterBuilder } from "./filter-builder";
import { FilterCount } from "./filter-count";

const STARTING_FILTER: ContactFilter = { combinator: "and", conditions: [{ field: "fullName", op: "contains", value: "" }] };

/** Create or edit a group; a dynamic group's conditions are edited with a live count of matches. */
export function GroupForm({
  group,
  kind,
  staticGroups,
  folders,
}: {
  group?: Pick<ContactGroup, "id" | "name" | "folder" | "isFavourite" | "filter">;
  kind: ContactGroup["kind"];
  staticGroups: GroupOption[];
  folders: string[];
}) {
  const t = useTranslations("groups");
  const tc = useTranslations("common");
  const [state, action] = useActionState(group ? updateGroupAction : createGroupAction, null);
  const [filter, setFilter] = useState<ContactFilter>(group?.filter ?? STARTING_FILTER);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const foldersId = useId();
  // The whole filter's error (too deep, too many conditions, none at all) goes at its next edit.
  const filterErrors = useFieldErrors(fe?.filter);
  const filterErrorId = useId();
  return (
    <ActionForm action={action} className="space-y-4" data-testid="group-form">
      {group ? <input type="hidden" name="id" value={group.id} /> : <input type="hidden" name="kind" value={kind} />}
      <p className="text-sm text-gray-600">{kind === "static" ? t("staticHint") : t("dynamicHint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("name")} name="name" defaultValue={group?.name} required errors={fe?.name} />
        <TextField label={t("folder")} name="folder" defaultValue={group?.folder ?? ""} list={foldersId} hint={t("folderHint")} errors={fe?.folder} />
      </div>
      <datalist id={foldersId}>
        {folders.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <label className="flex items-center gap-2 text-sm text-gray-700">
        <input type="checkbox" name="isFavourite" value="on" defaultChecked={group?.isFavourite} /> {t("isFavourite")}
      </label>
      {kind === "dynamic" ? (
        <fieldset className="space-y-3" {...fieldErrorAria(filterErrors.errors, filterErrorId)}>
          <legend className="field-label">{t("filter.title")}</legend>
          <input type="hidden" name="filter" value={JSON.stringify(filter)} />
          <FilterBuilder
            group={filter}
            onChange={(f) => {
              filterErrors.onEdit();
              setFilter(f);
            }}
            staticGroups={staticGroups}
            errors={fe}
          />
          <FieldErrorText errors={filterErrors.errors} id={filterErrorId} />
          <FilterCount filter={filter} />
        </fieldset>
      ) : null}
      <ActionError state={state} />
      <SubmitButton pendingText={tc("saving")}>{tc("save")}</SubmitButton>
    </ActionForm>
  );
}
