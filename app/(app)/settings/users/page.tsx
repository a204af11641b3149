import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { actorWith } from "@/lib/server/page-guard";
import { NoAccess } from "@/components/shell/no-access";
import { AddUserForm, UserRowControls } from "./user-forms";

export default async function UsersPage() {
  const actor = await actorWith("administer");
  if (!actor) return <NoAccess />;
  const t = await getTranslations("users");
  const format = await getFormatter();
  const users = await listUsers(await getDb());
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-gray-600">{t("text")}</p>
      </div>
      <div className="card overflow-x-auto p-0">
        <table className="min-w-full divide-y divide-gray-200 text-sm" data-testid="users-table">
          <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
            <tr>
              <th className="px-4 py-3">{t("name")}</th>
              <th className="px-4 py-3">{t("email")}</th>
              <th className="px-4 py-3">{t("role")}</th>
              <th className="px-4 py-3">{t("status")}</th>
              <th className="px-4 py-3">{t("created")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.email}`}>
                <td className="px-4 py-3 font-medium">
                  {u.name} {u.id === actor.id ? <span className="text-xs text-gray-500">({t("you")})</span> : null}
                </td>
                <td className="px-4 py-3">{u.email}</td>
                <td className="px-4 py-3" colSpan={2}>
                  <UserRowControls userId={u.id} role={u.role} disabled={Boolean(u.disabledAt)} self={u.id === actor.id} />
                </td>
                <td className="px-4 py-3 text-gray-500">{format.dateTime(u.createdAt, { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card max-w-xl space-y-4">
        <h2 className="text-lg font-semibold">{t("addTitle")}</h2>
        <AddUserForm />
      </section>
    </div>
  );
}
