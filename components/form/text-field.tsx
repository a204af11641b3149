"use client";
import { useId } from "react";
import type { FieldError } from "@/lib/server/form";
import { FieldErrorText, fieldErrorAria } from "./action-feedback";

export function TextField({
  label,
  name,
  errors,
  hint,
  ...input
}: { label: string; name: string; errors?: FieldError[]; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
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
        {...fieldErrorAria(errors, `${id}-err`)}
        {...input}
      />
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
      <FieldErrorText errors={errors} id={`${id}-err`} />
    </div>
  );
}
