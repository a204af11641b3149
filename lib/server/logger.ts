/**
 * A tiny structured logger. It redacts keys that look secret so that an object logged in a hurry
 * (settings, a request) cannot put a password into the logs.
 */
const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|cookie/i;

/**
 * A failed query's error (drizzle's "Failed query: … params: …") carries the statement's
 * parameters: contact data, a password hash. Logs keep the statement and the database's reason
 * (the cause), never the values.
 */
function withoutParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, "\nparams: [redacted]");
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    const cause = value.cause instanceof Error ? redact(value.cause, depth + 1) : undefined;
    const code = "code" in value && typeof value.code === "string" ? value.code : undefined;
    return { name: value.name, message: withoutParams(value.message), stack: value.stack && withoutParams(value.stack), code, cause };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
  return out;
}

function write(level: "info" | "warn" | "error", msg: string, extra?: unknown) {
  const line = { level, time: new Date().toISOString(), msg, ...(extra === undefined ? {} : { extra: redact(extra) }) };
  (level === "error" ? console.error : level === "warn" ? console.warn : console.log)(JSON.stringify(line));
}

export const logger = {
  info: (msg: string, extra?: unknown) => write("info", msg, extra),
  warn: (msg: string, extra?: unknown) => write("warn", msg, extra),
  error: (msg: string, extra?: unknown) => write("error", msg, extra),
};
