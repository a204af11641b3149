import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { findGroupById, listGroups } from "@/db/queries/groups";
import { actorWith } from "@/lib/server/page-guard";
import { NoAccess } from "@/components/shell/no-access";
import { ActionButton } from "@/components/contacts/action-button";
import { GroupForm } from "@/components/contacts/group-form";
import { groupFormOptions } from "@/components/contacts/group-form-options";
import { isUuid } from "@/components/contacts/contacts-table-config";
import { deleteGroupAction } from "../actions";

export default async function EditGroupPage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await actorWith("manage"))) return <NoAccess />;
  const { id } = await params;
  const db = await getDb();
  const group = isUuid(id) ? await findGroupById(db, { id }) : undefined;
  if (!group) notFound();
  const t = await getTranslations("groups");
  const options = groupFormOptions((await listGroups(db)).filter((g) => g.id !== group.id));
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={`/contacts?group=${group.id}`} className="text-sm text-blue-700 hover:underline">
        ← {group.name}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("editTitle")}</h1>
          <p className="text-sm text-gray-500">{t(group.kind)}</p>
        </div>
        <ActionButton action={deleteGroupAction} payload={{ id: group.id }} label={t("delete")} confirmText={t("deleteConfirm", { name: group.name })} testId="delete-group" />
      </div>
      <section className="card">
        <GroupForm group={group} kind={group.kind} {...options} />
      </section>
    </div>
  );
}
