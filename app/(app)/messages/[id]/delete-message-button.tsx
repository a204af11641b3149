"use client";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { removeMessage } from "../actions";
import { ActionForm } from "@/components/form/action-form";
import { ActionError } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";

export function DeleteMessageButton({ id }: { id: string }) {
  const t = useTranslations("messages");
  const router = useRouter();
  const [state, action] = useActionState(removeMessage, null);
  useEffect(() => {
    if (state?.ok) router.push("/messages");
  }, [state, router]);
  return (
    <ActionForm action={(f) => (window.confirm(t("confirmDelete")) ? action(f) : undefined)} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <ActionError state={state} />
      <SubmitButton className="btn-danger">{t("delete")}</SubmitButton>
    </ActionForm>
  );
}
