import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const SKIP = new Set(["node_modules", ".next", ".data", ".git", "e2e", "test-results"]);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

/** Every module whose first statement is the "use server" directive: each export is a server action. */
export function discoverServerActionFiles(): string[] {
  return walk(ROOT)
    .filter((f) => /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(fs.readFileSync(f, "utf8")))
    .map((f) => path.relative(ROOT, f))
    .sort();
}

/** Every App Router route handler. */
export function discoverRouteFiles(): string[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /(^|\/)route\.tsx?$/.test(f))
    .map((f) => path.relative(ROOT, f))
    .sort();
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
