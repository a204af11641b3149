"use client";
import { useFormStatus } from "react-dom";
import { useActionPending } from "./action-form";

export function SubmitButton({
  children,
  pendingText,
  className = "btn-primary",
  ...rest
}: { children: React.ReactNode; pendingText?: React.ReactNode } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const pending = useFormStatus().pending || useActionPending();
  return (
    <button type="submit" className={className} disabled={pending || rest.disabled} aria-busy={pending} {...rest}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
