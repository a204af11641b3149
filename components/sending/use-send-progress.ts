"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { SendProgress } from "@/lib/sending/progress";
import { onWatchProgress } from "./progress-watch";

/** After an action, poll this long for its background job to show (status checks take seconds). */
const WATCH_MS = 60_000;

/** What, when it changes, is worth re-rendering the page for (status badge, Audience tab…). */
const milestone = (p: SendProgress | null) =>
  p ? [p.status, p.statusCheckedAt, p.inDoubt, p.finishedAt, p.failureCode, p.done].join("|") : "";

/**
 * The mailing's progress, polled from /api/mailings/[id]/progress while it is queued or sending,
 * or for a while after an action started background work. Refreshes the page's server data at
 * each milestone, so the rest of the page follows without a reload.
 */
export function useSendProgress(mailingId: string, initial: SendProgress | null): SendProgress | null {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [watchingUntil, setWatchingUntil] = useState(0);
  const last = useRef(milestone(initial));

  useEffect(() => {
    setProgress(initial);
    last.current = milestone(initial);
  }, [initial]);

  useEffect(() => onWatchProgress(mailingId, () => setWatchingUntil(Date.now() + WATCH_MS)), [mailingId]);

  const polling = Boolean(progress?.active) || watchingUntil > Date.now();
  // Counting a very large audience costs the database a moment: ask less often.
  const pollMs = (progress?.total ?? 0) > 100_000 ? 5000 : 1500;
  useEffect(() => {
    if (!polling) return;
    let cancelled = false;
    const poll = async () => {
      try {
        const response = await fetch(`/api/mailings/${mailingId}/progress`, { cache: "no-store" });
        if (!response.ok || cancelled) return;
        const next = (await response.json()) as SendProgress;
        if (cancelled) return;
        setProgress(next);
        const mark = milestone(next);
        if (mark !== last.current) {
          last.current = mark;
          router.refresh();
        }
        if (!next.active && Date.now() > watchingUntil) setWatchingUntil(0);
      } catch {
        // A missed poll is retried at the next tick.
      }
    };
    const timer = setInterval(poll, pollMs);
    void poll();
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [polling, mailingId, pollMs, router, watchingUntil]);

  return progress;
}
