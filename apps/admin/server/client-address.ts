// Who is on the other end of a request: the socket's peer, or, behind trusted proxies, the address the farthest
// trusted proxy saw. X-Forwarded-For is read from the right, one entry per trusted hop, since each proxy appends
// the address it received the request from and everything left of the trusted part is the client's own writing.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { CLIENT_ADDRESS_HEADER } from "../src/lib/client-address.ts";

/** An IPv4 address the dual-stack socket reports as IPv6 (`::ffff:203.0.113.9`) is written as IPv4. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/**
 * The client's address from the socket's peer and the X-Forwarded-For header, trusting `trustedHops` proxies in
 * front of this server. With 0, the header is ignored. With fewer entries than hops, the leftmost one is taken; an
 * entry that is not an IP address makes the nearest trusted peer the answer.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const peer = socketAddress ? plain(socketAddress) : "unknown";
  if (trustedHops <= 0 || forwardedFor === undefined) return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  // The chain as this server sees it: the client's claims, then what each proxy appended, then the socket's peer.
  const chain = [...entries, peer];
  const index = Math.max(0, chain.length - 1 - trustedHops);
  for (let i = index; i < chain.length; i++) {
    const candidate = plain(chain[i] ?? "");
    if (isIP(candidate)) return candidate;
  }
  return peer;
}

/** Replaces whatever the client sent as CLIENT_ADDRESS_HEADER with the address resolved for this request. */
export function stampClientAddress(req: IncomingMessage, trustedHops: number): void {
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    trustedHops,
  );
}
