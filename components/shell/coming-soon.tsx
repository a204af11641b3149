import { getTranslations } from "next-intl/server";

export async function ComingSoon({ title }: { title: string }) {
  const t = await getTranslations("common");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="card max-w-xl" data-testid="coming-soon">
        <p className="font-medium">{t("comingSoon")}</p>
        <p className="mt-1 text-sm text-gray-600">{t("comingSoonText")}</p>
      </div>
    </div>
  );
}
