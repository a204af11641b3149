import { z } from "zod";
import { defineRoute } from "@/lib/server/route";
import { getSendProgress } from "@/lib/sending";

/** The live progress of a mailing's sending, polled by the progress bar. Never cached. */
export const GET = defineRoute<{ id: string }>({ permission: "read" }, async (_req, { db, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) return Response.json({ error: "not_found" }, { status: 404 });
  const progress = await getSendProgress(db, { mailingId: id.data });
  if (!progress) return Response.json({ error: "not_found" }, { status: 404 });
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
});
