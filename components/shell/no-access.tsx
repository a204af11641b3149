import { getTranslations } from "next-intl/server";

export async function NoAccess() {
  const t = await getTranslations("common");
  return (
    <div className="card max-w-xl" data-testid="no-access">
      <h1 className="text-lg font-semibold">{t("noAccessTitle")}</h1>
      <p className="mt-1 text-sm text-gray-600">{t("noAccessText")}</p>
    </div>
  );
}
