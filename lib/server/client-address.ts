/**
 * The client's address for rate limiting: the first X-Forwarded-For hop (set by the reverse proxy
 * in front of the standalone server), else X-Real-IP. Without either we return null and only the
 * per-account limit applies.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || "";
  return /^[0-9a-fA-F:.]{2,45}$/.test(candidate) ? candidate : null;
}
