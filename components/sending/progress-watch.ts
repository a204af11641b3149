"use client";
/**
 * A tiny in-page signal: an action that starts background work (Send, Update status, reconcile…)
 * asks the progress bar of that mailing to poll until the work shows up, even when the mailing
 * itself is not sending.
 */
const EVENT = "sputnik-desk:watch-progress";

export function watchProgress(mailingId: string): void {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: mailingId }));
}

export function onWatchProgress(mailingId: string, listener: () => void): () => void {
  const handler = (event: Event) => {
    if ((event as CustomEvent<string>).detail === mailingId) listener();
  };
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
