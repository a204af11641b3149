import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** For load balancers and CI: is the server up and is its database reachable? Reveals nothing else. */
export const GET = publicRoute("health probe for load balancers", async () => {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", db: "up" });
  } catch {
    return Response.json({ status: "error", db: "down" }, { status: 503 });
  }
});
