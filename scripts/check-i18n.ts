/** Fails (exit 1) when a message key exists in one language but not in another. */
import { findMissingKeys } from "../i18n/check";

const problems = findMissingKeys();
if (problems.length) {
  console.error(`i18n: ${problems.length} missing key(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("i18n: every key exists in uk, en and ru.");
