import { sql } from "drizzle-orm";
import type { Db } from "../db/types";
import { insertUser } from "../db/queries/users";
import { insertMessage } from "../db/queries/messages";
import { insertGroup } from "../db/queries/groups";

/**
 * The audience benchmarks' data: N contacts (every tenth without an email, every tenth opted out
 * of email, so exclusions are exercised too), a manager, an email message, and a dynamic group
 * matching all of them.
 */
export async function seedAudienceBench(db: Db, { contacts }: { contacts: number }) {
  await db.execute(sql`
    insert into contacts (full_name, email, mobile_phone, language, do_not_use_email)
    select 'Contact ' || g,
           case when g % 10 = 0 then null else 'c' || g || '@bench.test' end,
           '+38067' || lpad(g::text, 7, '0'),
           'uk',
           g % 10 = 5
    from generate_series(1, ${contacts}) g`);
  await db.execute(sql`analyze contacts`);
  const user = await insertUser(db, { email: "bench@test", name: "Bench", role: "manager", passwordHash: "x" });
  const message = await insertMessage(db, { name: "Bench", esputnikId: 293, channel: "email", description: "", notes: "", createdBy: user.id });
  const group = await insertGroup(db, {
    name: "Bench audience",
    kind: "dynamic",
    filter: { combinator: "or", conditions: [{ field: "email", op: "endsWith", value: "@bench.test" }, { field: "language", op: "equals", value: "uk" }] },
    folder: null,
    isFavourite: false,
    createdBy: user.id,
  });
  return { ctx: { db, actor: { id: user.id }, now: () => new Date() }, message, group };
}
