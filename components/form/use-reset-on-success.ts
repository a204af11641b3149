"use client";
import { useEffect, useRef } from "react";

/**
 * Clears a form after a successful submission — and only then: after an error everything the
 * user typed stays where it was.
 */
export function useResetOnSuccess(state: { ok: boolean; at: number } | null | undefined) {
  const ref = useRef<HTMLFormElement>(null);
  const okAt = state?.ok ? state.at : null;
  useEffect(() => {
    if (okAt !== null) ref.current?.reset();
  }, [okAt]);
  return ref;
}
