// The client address the throttle and audit log see: first forwarded hop, then X-Real-IP, then "unknown".
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.ts";

describe("clientAddress", () => {
  it("takes the first X-Forwarded-For hop, then X-Real-IP, else unknown", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": " 203.0.113.9 , 10.0.0.1", "x-real-ip": "10.0.0.2" }))).toBe(
      "203.0.113.9",
    );
    expect(clientAddress(new Headers({ "x-real-ip": "10.0.0.2" }))).toBe("10.0.0.2");
    expect(clientAddress(new Headers({ "x-forwarded-for": "" }))).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "x".repeat(500) })).length).toBe(100);
  });
});
