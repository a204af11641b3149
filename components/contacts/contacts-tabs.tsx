import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Contacts | Accounts | Import — the parts of the contacts section. */
export async function ContactsTabs({ active, canManage }: { active: "contacts" | "accounts" | "import"; canManage: boolean }) {
  const t = await getTranslations("contacts.tabs");
  const tabs = [
    { key: "contacts", href: "/contacts" },
    { key: "accounts", href: "/accounts" },
    ...(canManage ? [{ key: "import", href: "/contacts/import" }] : []),
  ] as const;
  return (
    <nav className="flex gap-1 border-b border-gray-200" aria-label={t("contacts")}>
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab.key === active ? "border-blue-600 text-blue-700" : "border-transparent text-gray-600 hover:text-gray-900"}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
