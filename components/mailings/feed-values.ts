/**
 * Event data as ICU placeholder values (numbers stay numbers for plural rules). Responses are
 * stored as their codes, so the feed reads in the viewer's language.
 */
export function stringValues(data: Record<string, unknown>, response: (code: string) => string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === "number") out[k] = v;
    else if (Array.isArray(v)) out[k] = (k === "responses" ? v.map((r) => response(String(r))) : v).join(", ");
    else out[k] = String(v ?? "");
  }
  return out;
}
