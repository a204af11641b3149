import fs from "node:fs";
import path from "node:path";
import { LOCALES } from "./config";

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort().join(",");

/** Every key missing from a language, every empty text, and every placeholder mismatch. */
export function findMissingKeys(dir = path.join(process.cwd(), "messages")): string[] {
  const maps = LOCALES.map((l) => [l, flatten(JSON.parse(fs.readFileSync(path.join(dir, `${l}.json`), "utf8")))] as const);
  const all = new Set(maps.flatMap(([, m]) => [...m.keys()]));
  const problems: string[] = [];
  for (const key of [...all].sort()) {
    const present = maps.filter(([, m]) => m.has(key));
    for (const [l, m] of maps) {
      if (!m.has(key)) problems.push(`${l}: missing "${key}"`);
      else if (!m.get(key)!.trim()) problems.push(`${l}: empty "${key}"`);
    }
    const shapes = new Set(present.map(([, m]) => placeholders(m.get(key)!)));
    if (shapes.size > 1) problems.push(`placeholders differ for "${key}": ${[...shapes].join(" | ")}`);
  }
  return problems;
}
