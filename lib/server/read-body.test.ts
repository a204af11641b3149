import { describe, expect, it } from "vitest";
import { readBodyText } from "./read-body";

/** A body that arrives in chunks and says how many of them were pulled. */
function streamed(chunks: string[]) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled++];
      if (next === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(next));
    },
  });
  return { request: new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit), pulled: () => pulled };
}

describe("readBodyText", () => {
  it("reads a body within the limit", async () => {
    expect(await readBodyText(new Request("http://x/", { method: "POST", body: "[1,2]" }), 5)).toBe("[1,2]");
    expect(await readBodyText(new Request("http://x/", { method: "POST" }), 5)).toBe("");
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = new Request("http://x/", { method: "POST", body: "[]", headers: { "content-length": "6" } });
    expect(await readBodyText(request, 5)).toBeNull();
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading an undeclared body as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(["12345", "6", "7", "8", "9"]);
    expect(await readBodyText(request, 5)).toBeNull();
    expect(pulled()).toBeLessThanOrEqual(3);
  });
});
