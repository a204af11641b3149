import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listGroups } from "@/db/queries/groups";
import { actorWith } from "@/lib/server/page-guard";
import { NoAccess } from "@/components/shell/no-access";
import { GroupForm } from "@/components/contacts/group-form";
import { groupFormOptions } from "@/components/contacts/group-form-options";

export default async function NewGroupPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  if (!(await actorWith("manage"))) return <NoAccess />;
  const kind = (await searchParams).kind === "static" ? "static" : "dynamic";
  const t = await getTranslations();
  const options = groupFormOptions(await listGroups(await getDb()));
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/contacts" className="text-sm text-blue-700 hover:underline">
        ← {t("contacts.backToList")}
      </Link>
      <h1 className="text-2xl font-semibold">{kind === "static" ? t("groups.newStaticTitle") : t("groups.newDynamicTitle")}</h1>
      <section className="card">
        <GroupForm kind={kind} {...options} />
      </section>
    </div>
  );
}
