"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { getImportJobs } from "@/lib/jobs/runtime";
import {
  cancelContactImport,
  importIdInput,
  importProgress,
  previewImportInput,
  previewImportRows,
  queueContactImport,
  startContactImport,
  startImportInput,
  uploadImportRows,
  uploadRowsInput,
} from "@/lib/contacts/import-contacts";

export const startImportAction = defineAction({ permission: "manage", schema: startImportInput }, (input, ctx) => startContactImport(ctx, input));

export const uploadRowsAction = defineAction({ permission: "manage", schema: uploadRowsInput }, (input, ctx) => uploadImportRows(ctx, input));

/** Every row is on the server: the background job takes over, and the tab may close. */
export const queueImportAction = defineAction({ permission: "manage", schema: importIdInput }, async (input, ctx) =>
  queueContactImport({ ...ctx, jobs: await getImportJobs() }, input),
);

export const cancelImportAction = defineAction({ permission: "manage", schema: importIdInput }, async (input, ctx) => {
  const progress = await cancelContactImport(ctx, input);
  revalidatePath("/contacts/import");
  return progress;
});

/** The progress bar's poll. */
export const importProgressAction = defineAction({ permission: "manage", kind: "query", schema: importIdInput }, (input, ctx) => importProgress(ctx, input));

/** The first rows read as the import will read them, with their problems. */
export const previewImportAction = defineAction({ permission: "manage", kind: "query", schema: previewImportInput }, async (input) =>
  previewImportRows(input).map((r) => ({ row: r.row, contact: r.contact, problems: r.problems })),
);
