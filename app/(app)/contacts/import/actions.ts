"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import {
  finishContactImport,
  importContactRows,
  importRowsInput,
  previewImportInput,
  previewImportRows,
  startContactImport,
  startImportInput,
} from "@/lib/contacts/import-contacts";

export const startImportAction = defineAction({ permission: "manage", schema: startImportInput }, (input, ctx) => startContactImport(ctx, input));

export const importRowsAction = defineAction({ permission: "manage", schema: importRowsInput }, (input, ctx) => importContactRows(ctx, input));

export const finishImportAction = defineAction(
  { permission: "manage", schema: z.object({ importId: z.uuid(), failed: z.boolean().default(false) }) },
  async (input, ctx) => {
    const progress = await finishContactImport(ctx, input);
    revalidatePath("/contacts");
    return progress;
  },
);

/** The first rows read as the import will read them, with their problems. */
export const previewImportAction = defineAction({ permission: "manage", kind: "query", schema: previewImportInput }, async (input) =>
  previewImportRows(input).map((r) => ({ row: r.row, contact: r.contact, problems: r.problems })),
);
