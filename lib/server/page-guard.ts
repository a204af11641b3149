import "server-only";
import { redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/roles";
import { getActor, type Actor } from "./actor";

/** For pages: the signed-in actor, or a redirect to login. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For pages: the actor when they hold the permission, else null (the page shows "no access"). */
export async function actorWith(permission: Permission): Promise<Actor | null> {
  const actor = await requireActor();
  return can(actor.role, permission) ? actor : null;
}
