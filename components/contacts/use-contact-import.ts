"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/server/action";
import { UPLOAD_CHUNK_ROWS, type ImportMapping } from "@/lib/contacts/import-types";
import { cancelImportAction, queueImportAction, startImportAction, uploadRowsAction } from "@/app/(app)/contacts/import/actions";
import type { CsvFileRows } from "./read-csv-file";

type Failure = Extract<ActionState, { ok: false }>;
export type ImportRequest = { fileName: string; rows: CsvFileRows["rows"]; mapping: ImportMapping; groupId?: string; newGroupName?: string };
export type UploadProgress = { sent: number; total: number };

/** A lost answer is retried: the server keeps a chunk it already has as it was. */
const RETRIES = 3;

/**
 * Hands an import to the server: start it, upload the parsed rows once (a few seconds even for
 * 100,000 rows), queue it, and open its page, where the progress comes from the server. Only the
 * upload needs the tab: leaving meanwhile asks first. After it, the tab may close or reload.
 */
export function useContactImport() {
  const router = useRouter();
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [queued, setQueued] = useState(false);
  const uploading = upload !== null && !queued;

  useEffect(() => {
    if (!uploading) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [uploading]);

  async function run({ rows, ...start }: ImportRequest) {
    setFailure(null);
    setQueued(false);
    setUpload({ sent: 0, total: rows.length });
    const fail = (state: ActionState) => {
      setFailure(state && !state.ok ? state : { ok: false, error: "internal", at: Date.now() });
      setUpload(null);
    };
    let importId: string | null = null;
    try {
      const started = await startImportAction(null, { ...start, totalRows: rows.length });
      if (!started?.ok) return fail(started);
      const id = (importId = started.data.id);
      for (let i = 0; i < rows.length; i += UPLOAD_CHUNK_ROWS) {
        const chunk = rows.slice(i, i + UPLOAD_CHUNK_ROWS);
        const result = await withRetries(() => uploadRowsAction(null, { importId: id, rows: chunk }));
        if (!result?.ok) {
          await cancelImportAction(null, { importId: id });
          return fail(result);
        }
        setUpload({ sent: i + chunk.length, total: rows.length });
      }
      const result = await withRetries(() => queueImportAction(null, { importId: id }));
      if (!result?.ok) return fail(result);
      setQueued(true);
      router.push(`/contacts/import/${id}`);
    } catch {
      // The server stayed unreachable after the retries: nothing was imported yet; the upload is
      // dropped (here if the server answers again, or by the server's own clean-up).
      if (importId) await cancelImportAction(null, { importId }).catch(() => undefined);
      fail(null);
    }
  }

  return { run, upload, failure, uploading, queued };
}

async function withRetries<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= RETRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
