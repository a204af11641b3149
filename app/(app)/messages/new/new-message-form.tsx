"use client";
import { useRouter } from "next/navigation";
import { MessageForm } from "@/components/messages/message-form";

export function NewMessageForm() {
  const router = useRouter();
  return (
    <MessageForm
      canEdit
      initial={{ name: "", esputnikId: "", channel: "email", description: "", notes: "" }}
      onSaved={(m) => router.push(`/messages/${m.id}`)}
    />
  );
}
