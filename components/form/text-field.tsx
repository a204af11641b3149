"use client";
import { useId } from "react";
import type { FieldError } from "@/lib/server/form";
import { FieldErrorText } from "./action-feedback";

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
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-err` : hint ? `${id}-hint` : undefined}
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
