import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/server/page-guard";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Icon } from "@/components/shell/icons";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 bg-slate-800 md:block">
        <Link href="/mailings" className="flex items-center gap-2 px-6 py-5 text-lg font-semibold text-white">
          <Icon name="satellite" className="h-6 w-6 text-blue-300" /> {t("appName")}
        </Link>
        <Sidebar role={actor.role} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-gray-200 bg-white px-4 py-2">
          <details className="md:hidden">
            <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-lg" aria-label={t("menu")}>
              <Icon name="menu" />
            </summary>
            <div className="absolute left-0 z-30 mt-2 w-64 bg-slate-800 shadow-lg">
              <Sidebar role={actor.role} />
            </div>
          </details>
          <span className="font-semibold md:hidden">{t("appName")}</span>
          <div className="ml-auto flex items-center gap-3">
            <LanguageSwitch />
            <UserMenu name={actor.name} email={actor.email} role={actor.role} />
          </div>
        </header>
        <main className="flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
