import { beforeEach, describe, expect, it, vi } from "vitest";
import { nextBatchBoundaries } from "@/db/queries/sending";
import { BatchRanges } from "./batch-ranges";
import type { SendRun } from "./send-run";

vi.mock("@/db/queries/sending", () => ({ nextBatchBoundaries: vi.fn() }));
const read = vi.mocked(nextBatchBoundaries);

const run = { stopped: false, plan: { mailingId: "m" }, ctx: { db: {}, config: { smartsendBatchSize: 10, concurrency: 2 } } } as unknown as SendRun;

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("BatchRanges", () => {
  beforeEach(() => read.mockReset());

  it("hands out the boundaries read ahead in order, then sweeps from the start once, then ends", async () => {
    read.mockResolvedValueOnce([10, 20]).mockResolvedValueOnce([]).mockResolvedValueOnce([]);
    const ranges = new BatchRanges(run);
    expect(await ranges.next()).toEqual({ afterId: 0, upToId: 10 });
    expect(await ranges.next()).toEqual({ afterId: 10, upToId: 20 });
    expect(await ranges.next()).toBeNull();
    expect(read.mock.calls.map(([, q]) => q.afterId)).toEqual([0, 20, 0]);
  });

  it("a batch put back while the last read was under way is found again, not lost", async () => {
    // The read from the start finds nothing pending: it began before a failed batch was released.
    const stale = deferred<number[]>();
    read.mockReturnValueOnce(stale.promise).mockResolvedValueOnce([30]);
    const ranges = new BatchRanges(run);
    const next = ranges.next();
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    ranges.reopen();
    stale.resolve([]);
    expect(await next).toEqual({ afterId: 0, upToId: 30 });
  });
});
