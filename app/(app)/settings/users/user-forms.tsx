"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ROLES, type Role } from "@/lib/auth/roles";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, ActionSuccess } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useResetOnSuccess } from "@/components/form/use-reset-on-success";
import { addUser, updateDisabled, updateRole } from "./actions";

export function AddUserForm() {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const tc = useTranslations("common");
  const [state, action] = useActionState(addUser, null);
  const formRef = useResetOnSuccess(state);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm ref={formRef} action={action} className="space-y-3" data-testid="add-user-form">
      <TextField label={t("name")} name="name" required errors={fe?.name} />
      <TextField label={t("email")} name="email" type="email" required errors={fe?.email} />
      <div>
        <label className="field-label" htmlFor="new-user-role">
          {t("role")}
        </label>
        <select id="new-user-role" name="role" className="field-input" defaultValue="manager">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t("password")} name="password" type="password" autoComplete="new-password" required errors={fe?.password} />
      <ActionError state={state} />
      <ActionSuccess state={state}>{state?.ok ? t("added", { email: state.data.email }) : null}</ActionSuccess>
      <SubmitButton pendingText={tc("saving")}>{tc("add")}</SubmitButton>
    </ActionForm>
  );
}

export function UserRowControls({ userId, role, disabled, self }: { userId: string; role: Role; disabled: boolean; self: boolean }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const [roleState, roleAction] = useActionState(updateRole, null);
  const [disabledState, disabledAction] = useActionState(updateDisabled, null);
  // The select shows the stored role again when a change is refused (the last admin, a race…), and
  // follows the stored role when it changes; in between it holds the user's choice.
  const [selected, setSelected] = useState<Role>(role);
  const [seen, setSeen] = useState({ role, roleState });
  if (seen.role !== role || seen.roleState !== roleState) {
    setSeen({ role, roleState });
    if (seen.role !== role || (roleState && !roleState.ok)) setSelected(role);
  }
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-3">
        <ActionForm action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <select
            name="role"
            aria-label={t("changeRole")}
            value={selected}
            onChange={(event) => setSelected(event.target.value as Role)}
            className="rounded-md border border-gray-300 px-2 py-1 text-sm"
            disabled={self}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
          {!self ? (
            <SubmitButton className="btn-secondary px-2 py-1 text-xs">{t("changeRole")}</SubmitButton>
          ) : null}
        </ActionForm>
        <span className={`rounded-full px-2 py-0.5 text-xs ${disabled ? "bg-gray-200 text-gray-700" : "bg-green-100 text-green-800"}`}>
          {disabled ? t("disabled") : t("active")}
        </span>
        {!self ? (
          <ActionForm action={disabledAction}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
            <SubmitButton className={disabled ? "btn-secondary px-2 py-1 text-xs" : "btn-danger px-2 py-1 text-xs"}>
              {disabled ? t("enable") : t("disable")}
            </SubmitButton>
          </ActionForm>
        ) : null}
      </div>
      <ActionError state={roleState} />
      <ActionError state={disabledState} />
    </div>
  );
}
