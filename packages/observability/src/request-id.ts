// The request id that ties a request's log line to the lines of what it caused (the admin's signal to the public
// site, Varnish's own log). It arrives in X-Request-Id, which any client can write: it is taken only when it looks
// like an id, and used for nothing but log correlation.
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export const REQUEST_ID_HEADER = "x-request-id";

// Varnish's XIDs are decimal, UUIDs hex with dashes; a bounded, log-safe charset takes both and nothing that could
// forge a line or a field (quotes, spaces, control characters).
const ID_SHAPE = /^[A-Za-z0-9._:-]{1,100}$/;

/** The header's value when it looks like an id, else a new one. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  return typeof given === "string" && ID_SHAPE.test(given) ? given : randomUUID();
}

/** A fresh id for work no request started (a scheduler job), marked as such in the logs. */
export function newJobId(): string {
  return `job-${randomUUID()}`;
}
