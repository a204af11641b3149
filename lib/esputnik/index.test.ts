import { describe, expect, it } from "vitest";
import * as esputnik from "./index";

describe("entry point", () => {
  it("exports the client, the error, the limiter and the status helpers", () => {
    expect(Object.keys(esputnik).sort()).toEqual(
      [
        "EMAIL_STATUSES",
        "EsputnikError",
        "LIMITS",
        "SMS_STATUSES",
        "classifyStatus",
        "createEsputnikClient",
        "createEsputnikLimiter",
        "isDeliveredStatus",
        "isEsputnikError",
        "isFailedStatus",
        "isFinalStatus",
        "isKnownStatus",
        "realClock",
        "sharedEsputnikLimiter",
        "unlimited",
      ].sort(),
    );
  });
});
