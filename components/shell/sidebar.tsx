"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import { can } from "@/lib/auth/roles";
import { Icon } from "./icons";

const ITEMS = [
  { href: "/mailings", key: "mailings", icon: "mail" },
  // Accounts are a tab of the contacts section (components/contacts/contacts-tabs.tsx), not a menu item of their own.
  { href: "/contacts", key: "contacts", icon: "users", also: ["/accounts"] },
  { href: "/messages", key: "messages", icon: "template" },
  { href: "/dashboards", key: "dashboards", icon: "chart" },
  { href: "/settings", key: "settings", icon: "cog", permission: "administer" as const },
] as const;

export function Sidebar({ role }: { role: Role }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("mainMenu")} className="flex flex-col gap-1 p-3">
      {ITEMS.filter((i) => !("permission" in i) || can(role, i.permission)).map((item) => {
        const active = [item.href, ...("also" in item ? item.also : [])].some((href) => pathname === href || pathname.startsWith(`${href}/`));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
              active ? "bg-blue-600 text-white" : "text-gray-200 hover:bg-slate-700"
            }`}
          >
            <Icon name={item.icon} />
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}
