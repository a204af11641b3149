import { getTranslations } from "next-intl/server";
import { defineRoute } from "@/lib/server/route";
import { DomainError } from "@/lib/errors";
import { CONTACT_FIELDS } from "@/lib/contacts/contact-fields";
import { contactsTableQuery } from "@/lib/contacts/contacts-table-query";
import { contactsCsv, type ExportLabels } from "@/lib/contacts/export-csv";
import { contactsRequestFromParams } from "@/components/contacts/contacts-table-config";

export const dynamic = "force-dynamic";

/**
 * The contacts table's current view (same URL parameters: group, account, search, column filters, sort)
 * as a CSV download, streamed in chunks: a million rows never sit in memory at once.
 */
export const GET = defineRoute({ permission: "read" }, async (req, ctx) => {
  const { request } = contactsRequestFromParams(new URL(req.url).searchParams);
  let query: Awaited<ReturnType<typeof contactsTableQuery>>;
  try {
    query = await contactsTableQuery(ctx.db, request);
  } catch (err) {
    if (err instanceof DomainError) return Response.json({ error: err.code }, { status: 404 });
    throw err;
  }
  const t = await getTranslations();
  const labels: ExportLabels = {
    fields: Object.fromEntries(CONTACT_FIELDS.map((f) => [f, t(`contacts.fields.${f}`)])) as ExportLabels["fields"],
    createdAt: t("contacts.fields.createdAt"),
    yes: t("common.yes"),
    no: t("common.no"),
  };
  const chunks = contactsCsv(ctx.db, { ...query, labels });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = ctx.now().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="contacts-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
