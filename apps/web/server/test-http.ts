// For the server's tests: a real HTTP server on a free port, and requests to it that return the bytes as sent
// (never decompressed), so each test sees exactly what a browser would receive.
import {
  request as httpRequest,
  createServer,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
} from "node:http";
import type { AddressInfo } from "node:net";

export type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };
export type Client = (path: string, headers?: Record<string, string>, method?: string) => Promise<Answer>;

/** Listens on 127.0.0.1; `client` asks it. Close the server after each test. */
export async function listen(listener: RequestListener): Promise<{ server: Server; client: Client }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const client: Client = (path, headers = {}, method = "GET") =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  return { server, client };
}
