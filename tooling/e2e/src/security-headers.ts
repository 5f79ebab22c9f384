// What both apps' browser tests check of the security headers, and how they hear of a Content-Security-Policy
// violation in Chromium: the page's securitypolicyviolation events and the browser's own console reports.
import { expect, type BrowserContext } from "@playwright/test";

/** The policy's directives by name, each with its sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The headers every page of either app carries: a policy that runs no eval, no inline code without a nonce or hash,
 * no script from another origin, and cannot be framed; the other headers; HSTS exactly when served over https.
 */
export function expectSecurityHeaders(headers: Record<string, string>, { https }: { https: boolean }): void {
  const policy = headers["content-security-policy"];
  expect(policy, "Content-Security-Policy").toBeDefined();
  const directives = parsePolicy(policy ?? "");
  const scripts = directives.get("script-src") ?? directives.get("default-src");
  expect(scripts, `script-src of ${policy}`).toBeDefined();
  for (const source of scripts ?? [])
    expect(source, `script-src of ${policy}`).toMatch(
      /^'(?:self|none|strict-dynamic|nonce-[\w+/=-]+|sha256-[\w+/=]+)'$/,
    );
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'none'"]);
  expect(directives.has("upgrade-insecure-requests")).toBe(https);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  for (const feature of ["camera=()", "microphone=()", "geolocation=()"])
    expect(headers["permissions-policy"]).toContain(feature);
  if (https) expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  else expect(headers["strict-transport-security"]).toBeUndefined();
}

/**
 * Every violation of a page's policy in this context, and every report the browser writes about the policy headers
 * (a refused script, an unrecognized Permissions-Policy feature), as lines; check it is empty at the end.
 */
export async function watchPolicyViolations(context: BrowserContext): Promise<string[]> {
  const reports: string[] = [];
  context.on("console", (message) => {
    const text = message.text();
    if (/Content[ -]Security[ -]Policy|Permissions[ -]Policy|Refused to|csp-violation/i.test(text))
      reports.push(`${message.page()?.url() ?? ""}: ${text}`);
  });
  // Runs before any of the page's own scripts, outside its policy.
  await context.addInitScript({
    content: `document.addEventListener("securitypolicyviolation", (event) => console.error(
      "csp-violation " + event.effectiveDirective + " " + event.blockedURI + " " + event.sourceFile + ":" + event.lineNumber));`,
  });
  return reports;
}
