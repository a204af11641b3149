import { getDb } from "@/db/client";
import { publicRoute } from "@/lib/server/route";
import { logger } from "@/lib/server/logger";
import { readBodyText } from "@/lib/server/read-body";
import { applyActivityWebhook, isAuthorizedWebhook, webhookPayloadSchema } from "@/lib/sending";

/**
 * eSputnik's activity webhooks (JSON arrays of events), authenticated with the Basic credentials
 * generated in Settings. Anything but 200 makes eSputnik retry with back-off, so a delivery is
 * answered 200 once applied (re-applying is harmless), 400 only when it can never be read.
 */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const unauthorized = () => new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Basic realm="Sputnik Desk webhook"' } });

export const POST = publicRoute("eSputnik webhooks: own Basic-auth credentials", async (req) => {
  const db = await getDb();
  if (!(await isAuthorizedWebhook(db, req.headers.get("authorization")))) return unauthorized();
  const text = await readBodyText(req, MAX_BODY_BYTES);
  if (text === null) return Response.json({ error: "too_large" }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: "invalid_json" }, { status: 400 });
  }
  const events = webhookPayloadSchema.safeParse(Array.isArray(body) ? body : [body]);
  if (!events.success) return Response.json({ error: "invalid" }, { status: 400 });
  const result = await applyActivityWebhook(db, events.data, new Date());
  if (result.ignored > 0) logger.info("webhook events ignored", result);
  return Response.json(result);
});

/**
 * eSputnik checks the address with a GET when the webhook is saved. Whether that check carries the
 * credentials is not documented, so it is answered without them: it reveals and changes nothing.
 */
export const GET = publicRoute("eSputnik webhook address check (answers nothing but ok)", async () => Response.json({ ok: true }));
