// `output: "standalone"` leaves static assets and our migrations outside .next/standalone; copy them
// in, exactly as the Dockerfile does, so that the standalone server can run from this checkout.
import fs from "node:fs";
import path from "node:path";

export function prepareStandalone(root) {
  const dir = path.join(root, ".next", "standalone");
  if (!fs.existsSync(path.join(dir, "server.js"))) throw new Error("no standalone build: run `next build` first");
  const copies = [
    [path.join(root, ".next", "static"), path.join(dir, ".next", "static")],
    [path.join(root, "db", "migrations"), path.join(dir, "db", "migrations")],
    [path.join(root, "public"), path.join(dir, "public")],
  ];
  for (const [from, to] of copies) {
    if (!fs.existsSync(from)) continue;
    fs.rmSync(to, { recursive: true, force: true });
    fs.cpSync(from, to, { recursive: true });
  }
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`standalone server ready in ${prepareStandalone(path.resolve(path.dirname(new URL(import.meta.url).pathname), ".."))}`);
}
