"use client";
import { useEffect, useRef } from "react";

/** A modal on the native <dialog> element: focus trapping, Esc and the backdrop come with it. */
export function Dialog({
  open,
  onClose,
  title,
  children,
  testId,
  wide = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      data-testid={testId}
      aria-label={title}
      className={`w-[calc(100%-2rem)] ${wide ? "max-w-4xl" : "max-w-xl"} rounded-lg border border-gray-200 p-0 shadow-xl backdrop:bg-black/30`}
    >
      {open ? (
        <div className="flex max-h-[85vh] flex-col">
          <div className="flex items-center justify-between border-b border-gray-100 px-5 py-3">
            <h2 className="text-base font-semibold">{title}</h2>
            <button type="button" className="rounded px-2 py-1 text-gray-500 hover:bg-gray-100" onClick={onClose} aria-label="×">
              ×
            </button>
          </div>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
