"use client";
import { useTranslations } from "next-intl";
import { logout } from "@/app/session-actions";
import type { Role } from "@/lib/auth/roles";

export function UserMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  const t = useTranslations("header");
  const tr = useTranslations("roles");
  return (
    <details className="relative" data-testid="user-menu">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-gray-100" aria-label={t("userMenu")}>
        <span className="flex h-8 w-8 items-center justify-center rounded-full bg-blue-100 font-semibold text-blue-800" aria-hidden>
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden text-left sm:block">
          <span className="block font-medium text-gray-800">{name}</span>
          <span className="block text-xs text-gray-500">{tr(role)}</span>
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-56 rounded-md border border-gray-200 bg-white p-2 shadow-lg">
        <p className="truncate px-2 py-1 text-xs text-gray-500">{email}</p>
        <p className="px-2 pb-2 text-xs text-gray-500">{t("role", { role: tr(role) })}</p>
        <form
          action={async () => {
            await logout(null, {});
          }}
        >
          <button type="submit" className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-gray-100" data-testid="sign-out">
            {t("signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}
