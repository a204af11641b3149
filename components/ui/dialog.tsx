"use client";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { useTranslations } from "next-intl";

const subscribeNothing = () => () => {};

/**
 * A modal on the native <dialog> element: focus trapping, Esc and the backdrop come with it.
 * It is rendered at the end of <body>, not where it is declared: a dialog opened from inside a
 * form (the message lookup in the mailing form) holds forms and inputs of its own, and in place
 * they would belong to the outer form — Enter in its search box would save the mailing.
 */
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
  const t = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  // The server renders no dialog (there is no <body> to portal into); the client adds it on hydration.
  const mounted = useSyncExternalStore(subscribeNothing, () => true, () => false);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open, mounted]);
  if (!mounted) return null;
  return createPortal(
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
            <button type="button" className="rounded px-2 py-1 text-gray-500 hover:bg-gray-100" onClick={onClose} aria-label={t("close")}>
              ×
            </button>
          </div>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
        </div>
      ) : null}
    </dialog>,
    document.body,
  );
}
