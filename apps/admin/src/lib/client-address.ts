// The client's address for throttling and the audit log: the first hop of X-Forwarded-For (set by the proxy in
// front of the admin, and by `next start` itself), then X-Real-IP, else "unknown". Behind no proxy a client could
// forge the header, which at worst moves its failures into another address bucket: the per-account limit still holds.
const MAX_LENGTH = 100;

export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return address.slice(0, MAX_LENGTH);
}
