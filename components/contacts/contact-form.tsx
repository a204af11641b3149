"use client";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import type { ContactRow } from "@/db/queries/contacts";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, FieldErrorText, fieldErrorAria, useFieldErrors } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { CONTACT_LANGUAGES } from "@/lib/contacts/languages";
import { createContactAction, updateContactAction } from "@/app/(app)/contacts/actions";

const FLAGS = ["doNotUseEmail", "doNotUseSms", "emailInvalid"] as const;

/** Create or edit a contact. The server normalises and validates; errors come back per field, translated. */
export function ContactForm({ contact, accountNames }: { contact?: ContactRow; accountNames: string[] }) {
  const t = useTranslations("contacts");
  const tc = useTranslations("common");
  const [state, action] = useActionState(contact ? updateContactAction : createContactAction, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const listId = useId();
  const languageId = useId();
  const languageErrors = useFieldErrors(fe?.language);
  return (
    <ActionForm action={action} className="space-y-4" data-testid="contact-form">
      {contact ? <input type="hidden" name="id" value={contact.id} /> : null}
      <TextField label={t("fields.fullName")} name="fullName" defaultValue={contact?.fullName} required errors={fe?.fullName} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fields.accountName")} name="accountName" defaultValue={contact?.accountName ?? ""} list={listId} hint={t("accountHint")} errors={fe?.accountName} />
        <TextField label={t("fields.jobTitle")} name="jobTitle" defaultValue={contact?.jobTitle ?? ""} errors={fe?.jobTitle} />
        <TextField label={t("fields.email")} name="email" type="email" defaultValue={contact?.email ?? ""} errors={fe?.email} />
        <TextField label={t("fields.mobilePhone")} name="mobilePhone" type="tel" defaultValue={contact?.mobilePhone ?? ""} hint={t("phoneHint")} errors={fe?.mobilePhone} />
        <TextField label={t("fields.workPhone")} name="workPhone" type="tel" defaultValue={contact?.workPhone ?? ""} errors={fe?.workPhone} />
        <div>
          <label htmlFor={languageId} className="field-label">
            {t("fields.language")}
          </label>
          <select
            id={languageId}
            name="language"
            defaultValue={contact?.language ?? ""}
            className="field-input"
            onChange={languageErrors.onEdit}
            {...fieldErrorAria(languageErrors.errors, `${languageId}-err`)}
          >
            <option value="">{t("noLanguage")}</option>
            {CONTACT_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
          <FieldErrorText errors={languageErrors.errors} id={`${languageId}-err`} />
        </div>
      </div>
      <datalist id={listId}>
        {accountNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <fieldset className="space-y-1">
        <legend className="field-label">{t("flagsTitle")}</legend>
        {FLAGS.map((flag) => (
          <label key={flag} className="flex items-center gap-2 text-sm text-gray-700">
            <input type="checkbox" name={flag} value="on" defaultChecked={contact?.[flag]} /> {t(`fields.${flag}`)}
          </label>
        ))}
      </fieldset>
      <ActionError state={state} />
      <SubmitButton pendingText={tc("saving")}>{tc("save")}</SubmitButton>
    </ActionForm>
  );
}
