// The client's address for the sign-in throttles and the audit log, as the admin's own server (server/serve.ts)
// resolved it from the connection and the trusted proxies in front (TRUSTED_PROXY_HOPS). Headers a client can write
// are never read here: the server replaces any value of the private header the client sent.
const MAX_LENGTH = 100;

/** Set by server/serve.ts on every request, after removing whatever the client sent under that name. */
export const CLIENT_ADDRESS_HEADER = "x-minbar-client-address";

// The server and the app are bundled separately but share one process: the server says it owns the header under a
// global symbol. Under any other server (`next dev`, a bare `next start`) the header is the client's, so unused.
const OWNED = Symbol.for("minbar.admin.client-address-header");
type GlobalWithOwner = typeof globalThis & { [OWNED]?: true };

/** Called once by the server that sets CLIENT_ADDRESS_HEADER on every request. */
export function claimClientAddressHeader(): void {
  (globalThis as GlobalWithOwner)[OWNED] = true;
}

export function clientAddress(headers: Pick<Headers, "get">): string {
  const address = (globalThis as GlobalWithOwner)[OWNED] ? headers.get(CLIENT_ADDRESS_HEADER)?.trim() : undefined;
  return (address || "unknown").slice(0, MAX_LENGTH);
}
