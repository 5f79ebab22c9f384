// A stand-in public site for the signal's tests: a real HTTP server on 127.0.0.1 that records what it receives.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";
import { text } from "node:stream/consumers";

export type Received = {
  method?: string;
  url?: string;
  authorization?: string;
  contentType?: string;
  requestId?: string;
  body: string;
};

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/**
 * A server on 127.0.0.1 at a random port that records each request and answers the nth with `answer(n)`; closed
 * after each test, or before by `close()` (then nothing listens at its address).
 */
export async function startSite(answer: (n: number) => { status: number; headers?: Record<string, string> } | null) {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    void text(request).then((body) => record(request, response, body));
  });
  const record = (request: IncomingMessage, response: ServerResponse, body: string) => {
    received.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      contentType: request.headers["content-type"],
      requestId: request.headers["x-request-id"] as string | undefined,
      body,
    });
    const reply = answer(received.length);
    // null: accept and never answer.
    if (reply) response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers }).end("{}");
  };
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      servers.splice(servers.indexOf(server), 1);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { siteUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close };
}
