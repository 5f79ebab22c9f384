// The revalidation signal against a real local HTTP server: what it sends, and that failures never throw.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { revalidatePublicSite } from "./revalidate-public-site";

type Received = { method?: string; url?: string; authorization?: string; contentType?: string; body: string };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server on 127.0.0.1 at a random port that records each request and answers with `status`. */
async function startSite(status: number): Promise<{ siteUrl: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    let body = "";
    for await (const chunk of request) body += String(chunk);
    received.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      contentType: request.headers["content-type"],
      body,
    });
    response.writeHead(status, { "content-type": "application/json" }).end("{}");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { siteUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function recordingLog() {
  const lines: string[] = [];
  return { lines, log: { warn: (line: string) => lines.push(line), error: (line: string) => lines.push(line) } };
}

const secret = "test-revalidate-secret-0123456789";

describe("revalidatePublicSite", () => {
  it("POSTs the article id as JSON to /api/revalidate with the bearer secret", async () => {
    const site = await startSite(200);
    const { lines, log } = recordingLog();
    await expect(revalidatePublicSite(42, { target: { siteUrl: `${site.siteUrl}/`, secret }, log })).resolves.toBe(true);
    expect(site.received).toEqual([
      {
        method: "POST",
        url: "/api/revalidate",
        authorization: `Bearer ${secret}`,
        contentType: "application/json",
        body: JSON.stringify({ articleId: 42 }),
      },
    ]);
    expect(lines).toEqual([]);
  });

  it("reports a 500 as a failure without throwing", async () => {
    const site = await startSite(500);
    const { lines, log } = recordingLog();
    await expect(revalidatePublicSite(7, { target: { siteUrl: site.siteUrl, secret }, log })).resolves.toBe(false);
    expect(site.received).toHaveLength(1);
    expect(lines).toEqual([expect.stringContaining("500")]);
  });

  it("reports a refused connection as a failure without throwing", async () => {
    // Take a free port and close it again, so nothing listens there.
    const site = await startSite(200);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const { lines, log } = recordingLog();
    await expect(revalidatePublicSite(7, { target: { siteUrl: site.siteUrl, secret }, log })).resolves.toBe(false);
    expect(lines).toEqual([expect.stringContaining("unreachable")]);
  });

  it("gives up after the timeout when the site does not answer", async () => {
    const server = createServer(() => {}); // accepts and never answers
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { lines, log } = recordingLog();
    await expect(revalidatePublicSite(7, { target: { siteUrl, secret }, timeoutMs: 200, log })).resolves.toBe(false);
    expect(lines).toEqual([expect.stringContaining("unreachable")]);
    server.closeAllConnections();
  });

  it("skips, with a warning, when the public site is not configured", async () => {
    const { lines, log } = recordingLog();
    await expect(revalidatePublicSite(7, { target: null, log })).resolves.toBe(false);
    expect(lines).toEqual([expect.stringContaining("not set")]);
  });
});
