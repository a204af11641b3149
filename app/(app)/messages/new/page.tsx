import { getTranslations } from "next-intl/server";
import { actorWith } from "@/lib/server/page-guard";
import { NoAccess } from "@/components/shell/no-access";
import { NewMessageForm } from "./new-message-form";

export default async function NewMessagePage() {
  if (!(await actorWith("manage"))) return <NoAccess />;
  const t = await getTranslations("messages");
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <div className="card">
        <NewMessageForm />
      </div>
    </div>
  );
}
