"use client";
import { useEffect, useState } from "react";
import type { ActionState } from "@/lib/server/action";
import type { ImportProgress } from "@/lib/contacts/import-contacts";
import { IMPORT_BATCH_SIZE, type ImportMapping } from "@/lib/contacts/import-types";
import { finishImportAction, importRowsAction, startImportAction } from "@/app/(app)/contacts/import/actions";
import type { CsvFileRows } from "./read-csv-file";

type Failure = Extract<ActionState, { ok: false }>;
export type ImportRequest = { fileName: string; rows: CsvFileRows["rows"]; mapping: ImportMapping; groupId?: string; newGroupName?: string };

/** A lost answer is retried: the server skips a batch it has already imported. */
const RETRIES = 3;

/**
 * Runs an import from the browser: start, then one batch after another, progress from each
 * answer. Leaving the page while it runs asks first (closing it stops the import).
 */
export function useContactImport() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    if (!running) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [running]);

  async function run({ rows, ...start }: ImportRequest) {
    setRunning(true);
    setFailure(null);
    try {
      const started = await startImportAction(null, { ...start, totalRows: rows.length });
      if (!started?.ok) return setFailure(started as Failure);
      setProgress(started.data);
      const importId = started.data.id;
      for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) {
        const result = await withRetries(() => importRowsAction(null, { importId, rows: rows.slice(i, i + IMPORT_BATCH_SIZE) }));
        if (!result?.ok) {
          setFailure(result as Failure);
          await finishImportAction(null, { importId, failed: true });
          return;
        }
        setProgress(result.data);
      }
      const finished = await finishImportAction(null, { importId });
      if (finished?.ok) setProgress(finished.data);
    } catch {
      // The server stayed unreachable after the retries; what was imported so far stays imported.
      setFailure({ ok: false, error: "internal", at: Date.now() });
    } finally {
      setRunning(false);
    }
  }

  return { run, progress, failure, running };
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
