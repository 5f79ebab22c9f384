// The admin's decisions from its configured origin: https, the Secure session cookie, the policy and its nonce.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttpsOrigin, newNonce, secureCookies, securityHeaders } from "./security-headers.ts";

describe("the https decision", () => {
  it("is the configured origin's scheme", () => {
    expect(isHttpsOrigin("https://admin.minbar.example")).toBe(true);
    expect(isHttpsOrigin("https://admin.minbar.example:8443/")).toBe(true);
    expect(isHttpsOrigin("http://admin.minbar.example")).toBe(false);
    expect(isHttpsOrigin("http://localhost:3001")).toBe(false);
    expect(isHttpsOrigin(undefined)).toBe(false);
    expect(isHttpsOrigin("not a url")).toBe(false);
  });

  it("makes the session cookie Secure exactly when ADMIN_SITE_URL is https; unset, Auth.js looks at the request", () => {
    expect(secureCookies("https://admin.minbar.example")).toBe(true);
    expect(secureCookies("http://admin.minbar.example")).toBe(false);
    expect(secureCookies(undefined)).toBeUndefined();
  });

  it("sends HSTS and upgrades requests only over https", () => {
    expect(securityHeaders({ https: true })["strict-transport-security"]).toBe("max-age=31536000");
    expect(securityHeaders({ https: false })).not.toHaveProperty("strict-transport-security");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toMatch(/; upgrade-insecure-requests$/);
    expect(contentSecurityPolicy({ nonce: "n", https: false })).not.toContain("upgrade-insecure-requests");
  });
});

describe("the policy", () => {
  it("allows scripts and styles by the response's nonce only: no eval, no inline code, no other origin", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==", https: false });
    expect(policy).toContain("script-src 'nonce-abc123==' 'strict-dynamic' 'self';");
    expect(policy).toContain("style-src 'self' 'nonce-abc123==';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-|\*|https?:\/\//);
  });

  it("gets a fresh, unguessable nonce for each response", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("comes with the other headers", () => {
    expect(securityHeaders({ https: false })).toEqual({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    });
  });
});
