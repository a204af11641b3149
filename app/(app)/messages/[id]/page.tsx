import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getMessage } from "@/db/queries/messages";
import { can } from "@/lib/auth/roles";
import { requireActor } from "@/lib/server/page-guard";
import { MessageForm } from "@/components/messages/message-form";
import { DeleteMessageButton } from "./delete-message-button";

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const message = await getMessage(await getDb(), { id: id.data });
  if (!message) notFound();
  const t = await getTranslations("messages");
  const canEdit = can(actor.role, "manage");
  return (
    <div className="max-w-3xl space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{message.name}</h1>
        {canEdit ? <DeleteMessageButton id={message.id} /> : null}
      </div>
      <div className="card">
        <MessageForm
          canEdit={canEdit}
          initial={{
            id: message.id,
            name: message.name,
            esputnikId: message.esputnikId,
            channel: message.channel,
            description: message.description,
            notes: message.notes,
          }}
        />
      </div>
      <p className="text-xs text-gray-500">{t("idHint")}</p>
    </div>
  );
}
