// The client address the sign-in throttles and the audit log see, over real HTTP: the socket's peer unless trusted
// proxies are configured, whatever the client writes in X-Forwarded-For, X-Real-IP or the private header.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, claimClientAddressHeader, clientAddress } from "../src/lib/client-address.ts";
import { resolveClientAddress, stampClientAddress } from "./client-address.ts";

/** A server stamping requests as serve.ts does, answering with the address the app would read. */
async function serverTrusting(trustedHops: number): Promise<{ server: Server; port: number }> {
  claimClientAddressHeader();
  const server = createServer((req, res) => {
    stampClientAddress(req, trustedHops);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    res.end(clientAddress(headers));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function addressSeenBy(port: number, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/login", headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

const SPOOFED = {
  "x-forwarded-for": "198.51.100.23, 203.0.113.77",
  "x-real-ip": "198.51.100.99",
  [CLIENT_ADDRESS_HEADER]: "192.0.2.200",
};

describe("without a trusted proxy (TRUSTED_PROXY_HOPS=0, the default)", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => ({ server, port } = await serverTrusting(0)));
  afterAll(() => void server.close());

  it("is the socket's address, whatever forwarded headers the client sends", async () => {
    expect(await addressSeenBy(port, {})).toBe("127.0.0.1");
    expect(await addressSeenBy(port, SPOOFED)).toBe("127.0.0.1");
  });
});

describe("behind one trusted proxy (TRUSTED_PROXY_HOPS=1)", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => ({ server, port } = await serverTrusting(1)));
  afterAll(() => void server.close());

  it("is the address the proxy appended, not what the client wrote before it", async () => {
    // The client sent "X-Forwarded-For: 198.51.100.23"; the proxy (here, 127.0.0.1) appended what it saw.
    expect(await addressSeenBy(port, { ...SPOOFED, "x-forwarded-for": "198.51.100.23, 203.0.113.77" })).toBe(
      "203.0.113.77",
    );
    // A proxy that added nothing: its own address is all that is known.
    expect(await addressSeenBy(port, { "x-real-ip": "198.51.100.99" })).toBe("127.0.0.1");
  });
});

describe("resolveClientAddress", () => {
  it("counts trusted hops from the right of X-Forwarded-For", () => {
    const forwarded = "1.1.1.1, 2.2.2.2, 3.3.3.3";
    expect(resolveClientAddress("10.0.0.1", forwarded, 0)).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.1", forwarded, 1)).toBe("3.3.3.3");
    expect(resolveClientAddress("10.0.0.1", forwarded, 2)).toBe("2.2.2.2");
    expect(resolveClientAddress("10.0.0.1", forwarded, 5)).toBe("1.1.1.1");
    // Several X-Forwarded-For headers are one list, in order.
    expect(resolveClientAddress("10.0.0.1", ["1.1.1.1", "2.2.2.2"], 1)).toBe("2.2.2.2");
  });

  it("writes IPv4-mapped addresses as IPv4 and never returns what is not an address", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
    expect(resolveClientAddress("::1", "2001:db8::7", 1)).toBe("2001:db8::7");
    expect(resolveClientAddress("10.0.0.1", "1.1.1.1, <script>", 1)).toBe("10.0.0.1");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("clientAddress in the app", () => {
  it("reads only the header its own server set", () => {
    claimClientAddressHeader();
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "1.1.1.1" }))).toBe(
      "203.0.113.9",
    );
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.1.1.1", "x-real-ip": "2.2.2.2" }))).toBe("unknown");
  });
});
