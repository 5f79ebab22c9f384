// Absolute links in what readers' software fetches (feeds, the sitemap, robots.txt) come from PUBLIC_SITE_URL,
// never from the Host or X-Forwarded-Host a client sends.
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { SITE_ORIGIN, SITE_PORT } from "./site-origin.ts";

/** GET over plain HTTP with a Host header of the caller's choosing (browsers and Playwright's client set their own). */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "localhost",
        port: SITE_PORT,
        path,
        setHost: false,
        headers: { host, "x-forwarded-host": host, "x-forwarded-proto": "https" },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

for (const path of ["/robots.txt", "/sitemap.xml", "/feed.xml", "/ru/feed.xml", "/sources/tass/feed.xml"]) {
  test(`${path} links to the configured origin whatever Host the request names`, async () => {
    const answer = await getWithHost(path, "attacker.example");
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(SITE_ORIGIN);
    expect(answer.body).not.toContain("attacker.example");
  });
}
