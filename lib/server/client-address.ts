/**
 * The client's address for rate limiting, from X-Forwarded-For as written by `trustedHops` reverse
 * proxies (TRUSTED_PROXY_HOPS): each appends the address it received the request from, so the
 * entry `trustedHops` from the right is the client as the outermost of them saw it. Entries to its
 * left come from the client itself — taking the first one let anybody pick an address per attempt
 * and slip past the per-address limit. Null when there is no such entry; the per-account limit
 * applies either way.
 */
export function clientAddress(headers: Headers, trustedHops: number): string | null {
  if (trustedHops < 1) return null;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const candidate = hops[hops.length - trustedHops] ?? "";
  return /^[0-9a-fA-F:.]{2,45}$/.test(candidate) ? candidate : null;
}
