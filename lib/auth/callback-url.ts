/** The page "/" stands for: the mailings section, what the app is about. */
export const HOME_PATH = "/mailings";

/**
 * Where to send a user after login. Only a path on this site is accepted: absolute URLs,
 * protocol-relative "//evil.com", backslash tricks and control characters all fall back to "/".
 */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw) return "/";
  let value = raw.trim();
  // Auth.js may hand us a full URL of our own origin; keep only its path.
  if (/^https?:\/\//i.test(value)) {
    return "/";
  }
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\\]/.test(value)) return "/";
  if (value.startsWith("/login")) return "/";
  if (value.startsWith("/api/")) return "/";
  value = value.slice(0, 2048);
  return value;
}

/** The page to land on after login: the callback path, with "/" going straight home (no second redirect). */
export function landingPath(raw: string | null | undefined): string {
  const path = safeCallbackPath(raw);
  return path === "/" ? HOME_PATH : path;
}
