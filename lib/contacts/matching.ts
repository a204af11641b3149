import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { contacts } from "@/db/schema";
import { findGroupById } from "@/db/queries/groups";
import { DomainError } from "@/lib/errors";
import { compileContactFilter } from "./filter-sql";
import type { ContactFilter } from "./filter";
import { contactSearchCondition } from "./search";

/** Which contacts: a group (static or dynamic), an ad-hoc filter, or hand-picked ids. */
export type ContactsSpec = { groupId: string } | { filter: ContactFilter } | { contactIds: string[] };

/**
 * The condition on `contacts` for a spec. A dynamic group's filter is read from the database
 * and compiled now, so the group is evaluated as it is at this moment.
 */
export async function contactsSpecCondition(db: Queryable, spec: ContactsSpec): Promise<SQL | undefined> {
  // An empty selection matches nothing (drizzle renders `in ()` as false), not everything.
  if ("contactIds" in spec) return inArray(contacts.id, spec.contactIds);
  if ("filter" in spec) return compileContactFilter(spec.filter);
  const group = await findGroupById(db, { id: spec.groupId });
  if (!group) throw new DomainError("groups.errors.notFound");
  if (group.kind === "dynamic" && group.filter) return compileContactFilter(group.filter);
  return compileContactFilter({ combinator: "and", conditions: [{ field: "group", op: "inGroup", value: group.id }] });
}

/**
 * `select contacts.id from contacts where …` for a group, a filter or a selection — to embed in
 * one set-based statement (`insert … select … where id in (<this>)`), so an audience of a million
 * contacts never passes through the application.
 *
 *   const ids = await contactsMatchingQuery(db, { groupId });
 *   await db.execute(sql`insert into … select … from contacts where contacts.id in (${ids})`);
 *
 * Async because a dynamic group's saved filter is read first. Throws DomainError
 * "groups.errors.notFound" for an unknown group.
 */
export async function contactsMatchingQuery(db: Queryable, spec: ContactsSpec): Promise<SQL> {
  const where = await contactsSpecCondition(db, spec);
  return sql`select ${contacts.id} from ${contacts} where ${where ?? sql`true`}`;
}

/** What the contacts table shows: a group, an account's or all contacts, narrowed by column filters and the search box. */
export type ContactsView = { groupId?: string; accountId?: string; filter?: ContactFilter; search?: string };

export async function contactsViewCondition(db: Queryable, view: ContactsView): Promise<SQL | undefined> {
  return and(
    view.groupId ? await contactsSpecCondition(db, { groupId: view.groupId }) : undefined,
    view.filter ? compileContactFilter(view.filter) : undefined,
    view.accountId ? eq(contacts.accountId, view.accountId) : undefined,
    view.search ? await contactSearchCondition(db, view.search) : undefined,
  );
}
