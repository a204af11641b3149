"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { sendMailingAction } from "@/app/(app)/mailings/[id]/send-actions";
import { ActionForm } from "@/components/form/action-form";
import { ActionError } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { Dialog } from "@/components/ui/dialog";
import { watchProgress } from "./progress-watch";

/**
 * "Send message": the pre-flight summary (computed by the mailing page and passed in), what will
 * happen, and an explicit confirmation naming the number of recipients. Returns at once: the
 * sending runs in the background and the progress bar follows it.
 */
export function SendDialog({
  mailingId,
  channel,
  willReceive,
  summary,
  open,
  onClose,
}: {
  mailingId: string;
  channel: "email" | "sms";
  /** Recipients that will get the message (not excluded, not yet sent). */
  willReceive: number;
  /** The pre-flight summary (counts, exclusions by reason). */
  summary?: React.ReactNode;
  open: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("sending.dialog");
  const [state, send] = useActionState(sendMailingAction, null);
  useEffect(() => {
    if (!state?.ok) return;
    watchProgress(mailingId);
    onClose();
    // The effect runs once per answer: `state` changes identity with each submission.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <Dialog open={open} onClose={onClose} title={t("title")} testId="send-dialog">
      <ActionForm action={send} className="space-y-4">
        <input type="hidden" name="mailingId" value={mailingId} />
        {/* The pre-flight summary already says how many will receive it; the sentence is for
            when there is none. */}
        {summary ?? (
          <p className="text-sm font-medium">
            {willReceive > 0 ? t("willReceive", { count: willReceive, channel: channel === "email" ? "email" : "SMS" }) : t("nobody")}
          </p>
        )}
        <p className="text-sm text-gray-600">{t("explain")}</p>
        <ActionError state={state} testId="send-dialog-error" />
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={onClose}>
            {t("back")}
          </button>
          <SubmitButton disabled={willReceive === 0} pendingText={t("sending")} data-testid="send-confirm">
            {t("confirm", { count: willReceive })}
          </SubmitButton>
        </div>
      </ActionForm>
    </Dialog>
  );
}
