"use client";
import { startTransition, useActionState } from "react";
import type { ActionState } from "@/lib/server/action";
import { ActionError } from "@/components/form/action-feedback";

/**
 * One button that runs a server action with a fixed payload (delete this, remove that), asking
 * first when `confirmText` is given. Errors are shown beside it, translated.
 */
export function ActionButton<R>({
  action,
  payload,
  label,
  confirmText,
  className = "btn-danger",
  testId,
}: {
  action: (prev: ActionState<R> | undefined, input: Record<string, unknown>) => Promise<ActionState<R>>;
  payload: Record<string, unknown>;
  label: string;
  confirmText?: string;
  className?: string;
  testId?: string;
}) {
  const [state, run, pending] = useActionState(action, null);
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        className={className}
        disabled={pending}
        data-testid={testId}
        onClick={() => {
          if (confirmText && !window.confirm(confirmText)) return;
          startTransition(() => run(payload));
        }}
      >
        {label}
      </button>
      <ActionError state={state} />
    </span>
  );
}
