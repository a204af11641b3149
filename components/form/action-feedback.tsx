"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { FieldError } from "@/lib/server/form";

type State = { ok: boolean; error?: string; values?: Record<string, string | number>; at: number } | null | undefined;

/** Turns an action's error code into the translated sentence: "x.y" is a full key, "x" is errors.x. */
export function useErrorText() {
  const t = useTranslations();
  return (code: string, values?: Record<string, string | number>) => t(code.includes(".") ? code : `errors.${code}`, values as never);
}

export function ActionError({ state, testId = "form-error" }: { state: State; testId?: string }) {
  const errorText = useErrorText();
  if (!state || state.ok || !state.error) return null;
  return (
    <p role="alert" data-testid={testId} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {errorText(state.error, state.values)}
    </p>
  );
}

export function ActionSuccess({ state, children, testId = "form-success" }: { state: State; children: React.ReactNode; testId?: string }) {
  if (!state?.ok) return null;
  return (
    <p role="status" data-testid={testId} className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
      {children}
    </p>
  );
}

/**
 * The errors a field still shows: the ones an action returned, until the user edits the field
 * (`editedAfter` is the list that was showing at the edit). A new submission's answer is a new
 * list, so its errors show again even when they read the same.
 */
export function shownFieldErrors(errors: FieldError[] | undefined, editedAfter: FieldError[] | undefined): FieldError[] | undefined {
  return errors?.length && errors !== editedAfter ? errors : undefined;
}

/**
 * A field's server errors, gone as soon as the user edits the field rather than at the next
 * submit: render `errors` (with fieldErrorAria, so aria-invalid follows) and call `onEdit` from
 * the field's onChange — or a wrapper's, as React's change events bubble. Pass the list as it came
 * in the action's state (one list per answer), not a copy built on every render.
 */
export function useFieldErrors(errors: FieldError[] | undefined): { errors: FieldError[] | undefined; onEdit: () => void } {
  const [editedAfter, setEditedAfter] = useState<FieldError[] | undefined>(undefined);
  return { errors: shownFieldErrors(errors, editedAfter), onEdit: () => setEditedAfter(errors) };
}

/** What ties a field to its FieldErrorText (rendered with `errorId`) while the field has errors. */
export function fieldErrorAria(errors: FieldError[] | undefined, errorId: string) {
  return errors?.length ? { "aria-invalid": true, "aria-describedby": errorId } : {};
}

export function FieldErrorText({ errors, id }: { errors?: FieldError[]; id?: string }) {
  const t = useTranslations("validation");
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.map((e) => t(e.key as never, e.values as never)).join(" ")}
    </p>
  );
}
