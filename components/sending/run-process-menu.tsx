"use client";
import { useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import { focusFirstMenuItem, onMenuKeyDown, useMenuDismissal } from "@/components/ui/menu-keys";
import { useTranslations } from "next-intl";
import type { MailingStatus } from "@/db/schema";
import type { ActionState } from "@/lib/server/action";
import {
  cancelSendAction,
  reconcileInDoubtAction,
  resendInDoubtAction,
  updateStatusAction,
} from "@/app/(app)/mailings/[id]/send-actions";
import { ActionError } from "@/components/form/action-feedback";
import { watchProgress } from "./progress-watch";
import { SendDialog } from "./send-dialog";

/** Statuses from which Send may start (lib/sending/commands.ts SENDABLE_STATUSES). */
const SENDABLE: readonly MailingStatus[] = ["draft", "failed", "cancelled"];
const ACTIVE: readonly MailingStatus[] = ["queued", "sending"];
const NOTICE_MS = 12_000;

export type RunProcessMenuProps = {
  mailingId: string;
  status: MailingStatus;
  channel: "email" | "sms";
  /** The session's role may send (manager or admin). */
  canManage: boolean;
  /** Recipients Send would hand over now (pending ones). */
  willReceive: number;
  /** Recipients eSputnik accepted (there are statuses to update). */
  accepted: number;
  inDoubt: number;
  /** The pre-flight summary shown in the Send dialog. */
  summary?: React.ReactNode;
};

type Item = { key: "send" | "updateStatus" | "cancel" | "reconcile" | "resend"; enabled: boolean; run: () => void };

/**
 * "Запустити процес" (Run process): Send message, Update status, and for a mailing under way or
 * with recipients in doubt, Cancel / Reconcile / Resend. Items are disabled, never hidden, when the
 * role or the mailing's status does not allow them, with the reason as a tooltip.
 */
export function RunProcessMenu(props: RunProcessMenuProps) {
  const t = useTranslations("sending.menu");
  const tc = useTranslations("sending.confirm");
  const tn = useTranslations("sending.notice");
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [sendOpen, setSendOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [lastResult, setLastResult] = useState<ActionState>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const { mailingId, status, canManage } = props;

  const buttonRef = useRef<HTMLButtonElement>(null);
  useMenuDismissal(open, useCallback(() => setOpen(false), []), rootRef, buttonRef);

  // "Results will appear in a moment" is true for a moment: the progress bar then shows them (or
  // when they were last checked), and a notice left standing would contradict it.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  type BackgroundAction = (prev: undefined, input: FormData) => Promise<ActionState>;
  type NoticeKey = "statusStarted" | "cancelled" | "reconcileStarted" | "resendStarted";
  const run = (action: BackgroundAction, noticeKey: NoticeKey, confirmText?: string) => () => {
    setOpen(false);
    if (confirmText && !window.confirm(confirmText)) return;
    const input = new FormData();
    input.set("mailingId", mailingId);
    startTransition(async () => {
      const result = await action(undefined, input);
      setLastResult(result);
      setNotice(result?.ok ? tn(noticeKey) : null);
      if (result?.ok) watchProgress(mailingId);
    });
  };

  const active = ACTIVE.includes(status);
  const items: Item[] = [
    {
      key: "send",
      enabled: SENDABLE.includes(status) && props.willReceive > 0,
      run: () => {
        setOpen(false);
        // Focus back on the menu's button, for the dialog to return it there when it closes.
        buttonRef.current?.focus();
        setSendOpen(true);
      },
    },
    { key: "updateStatus", enabled: props.accepted > 0, run: run(updateStatusAction, "statusStarted") },
    { key: "cancel", enabled: active, run: run(cancelSendAction, "cancelled", tc("cancel")) },
    { key: "reconcile", enabled: props.inDoubt > 0, run: run(reconcileInDoubtAction, "reconcileStarted") },
    { key: "resend", enabled: props.inDoubt > 0 && !active, run: run(resendInDoubtAction, "resendStarted", tc("resend", { count: props.inDoubt })) },
  ];

  return (
    <div ref={rootRef} className="relative inline-block text-left" data-testid="run-process">
      <button
        ref={buttonRef}
        type="button"
        className="btn-primary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={!canManage || pending}
        title={canManage ? undefined : t("noRole")}
        onClick={() => setOpen((v) => !v)}
        data-testid="run-process-button"
      >
        ▶ {t("open")} <span aria-hidden>▾</span>
      </button>
      {open ? (
        <ul
          id={menuId}
          ref={focusFirstMenuItem}
          role="menu"
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-gray-200 bg-white py-1 shadow-lg"
        >
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                className="block w-full px-4 py-2 text-left text-sm hover:bg-gray-50 disabled:cursor-not-allowed disabled:text-gray-400 disabled:hover:bg-white"
                disabled={!item.enabled}
                title={item.enabled ? undefined : t(`why.${item.key}`)}
                onClick={item.run}
                data-testid={`run-process-${item.key}`}
              >
                {t(item.key)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-2 max-w-sm">
        <ActionError state={lastResult} testId="run-process-error" />
        {notice ? (
          <p role="status" className="text-sm text-green-800" data-testid="run-process-notice">
            {notice}
          </p>
        ) : null}
      </div>
      <SendDialog
        mailingId={mailingId}
        channel={props.channel}
        willReceive={props.willReceive}
        summary={props.summary}
        open={sendOpen}
        onClose={() => setSendOpen(false)}
      />
    </div>
  );
}
