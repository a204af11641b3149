"use client";
import { useId } from "react";
import type { FieldError } from "@/lib/server/form";
import { FieldErrorText, fieldErrorAria, useFieldErrors } from "./action-feedback";

export function TextField({
  label,
  name,
  errors,
  hint,
  onChange,
  ...input
}: { label: string; name: string; errors?: FieldError[]; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  // The error goes once the user types here, not at the next submit.
  const shown = useFieldErrors(errors);
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field-input"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...fieldErrorAria(shown.errors, `${id}-err`)}
        {...input}
        onChange={(e) => {
          shown.onEdit();
          onChange?.(e);
        }}
      />
      {hint && !shown.errors?.length ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
      <FieldErrorText errors={shown.errors} id={`${id}-err`} />
    </div>
  );
}
