import { describe, expect, it } from "vitest";
import { adminLoggablePath, adminRouteKind } from "./route-kind.ts";

describe("adminRouteKind", () => {
  it.each([
    ["GET", "/articles/5/ar", {}, "admin-page"],
    ["GET", "/", {}, "admin-page"],
    ["POST", "/articles/5/ar", { "next-action": "7f3a" }, "action"],
    ["POST", "/api/media", {}, "api"],
    ["POST", "/api/auth/callback/credentials", {}, "auth"],
    ["GET", "/login/link/abc", {}, "auth"],
    ["GET", "/media/renditions/x.avif", {}, "media"],
    ["GET", "/_next/static/x.js", {}, "static"],
  ])("%s %s is %s", (method, path, headers, kind) => {
    expect(adminRouteKind(method, path, { headers })).toBe(kind);
  });
});

describe("adminLoggablePath", () => {
  it("leaves a sign-in link's token out", () => {
    expect(adminLoggablePath("/login/link/one-time-token?next=%2F")).toBe("/login/link/redacted?next=%2F");
    expect(adminLoggablePath("/articles/1")).toBe("/articles/1");
  });
});
