import type { Db } from "@/db/types";
import { insertUser } from "@/db/queries/users";
import { contactInput } from "./contact-input";
import { createContact } from "./manage-contacts";

/** For tests: a manager to act as, and contacts made through the real create verb. */
export async function contactsTestActor(db: Db, email = "manager@contacts.test") {
  const user = await insertUser(db, { email, name: "Manager", role: "manager", passwordHash: "x" });
  return { db, actor: { id: user.id }, now: () => new Date() };
}

export function addContact(ctx: Awaited<ReturnType<typeof contactsTestActor>>, fields: Record<string, string | boolean>) {
  return createContact(ctx, contactInput.parse(fields));
}
