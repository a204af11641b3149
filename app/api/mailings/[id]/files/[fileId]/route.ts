import { z } from "zod";
import { getFile } from "@/db/queries/mailings";
import { defineRoute } from "@/lib/server/route";

const params = z.object({ id: z.uuid(), fileId: z.uuid() });

/** Downloads an attached file; any signed-in user may read, nobody without a session. */
export const GET = defineRoute<{ id: string; fileId: string }>({ permission: "read" }, async (_req, ctx) => {
  const p = params.safeParse(ctx.params);
  if (!p.success) return Response.json({ error: "not_found" }, { status: 404 });
  const file = await getFile(ctx.db, { mailingId: p.data.id, fileId: p.data.fileId });
  if (!file) return Response.json({ error: "not_found" }, { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.mimeType,
      "content-length": String(file.size),
      // Always a download, never rendered inline: an uploaded HTML file must not run in our origin.
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
