import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress", () => {
  it("takes the address the trusted proxy saw, not one the client wrote in front of it", () => {
    expect(clientAddress(headers("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(headers("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientAddress(headers("2001:db8::1"), 1)).toBe("2001:db8::1");
  });

  it("has no address without a trusted proxy, with fewer hops than proxies, or with junk", () => {
    expect(clientAddress(headers("203.0.113.7"), 0)).toBeNull();
    expect(clientAddress(headers("203.0.113.7"), 2)).toBeNull();
    expect(clientAddress(headers(), 1)).toBeNull();
    expect(clientAddress(headers("6.6.6.6, not-an-ip"), 1)).toBeNull();
  });
});
