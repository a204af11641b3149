import { getTranslations } from "next-intl/server";
import { actorWith } from "@/lib/server/page-guard";
import { NoAccess } from "@/components/shell/no-access";
import { MailingForm } from "@/components/mailings/mailing-form";

export default async function NewMailingPage() {
  if (!(await actorWith("manage"))) return <NoAccess />;
  const t = await getTranslations("mailings");
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <div className="card">
        <MailingForm editable canAdd initial={{ name: "", esputnikGroup: "", message: null, alphaName: "" }} />
      </div>
    </div>
  );
}
