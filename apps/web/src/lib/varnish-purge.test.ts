// The purge the revalidation endpoint sends each Varnish: tags in PURGE requests' xkey-purge headers (split under
// Varnish's header limit), and which Varnishes did not confirm.
import { createServer, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeVarnishes, tagBatches } from "./varnish-purge.ts";

// Ports of the cluster helper's range (see tooling/cluster/src/ports.ts).
const CONFIRMING = 3585;
const REFUSING = 3586;
const NOBODY = 3587;

const received: Array<{ method: string | undefined; headers: IncomingHttpHeaders }> = [];
const servers = [
  createServer((req, res) => {
    received.push({ method: req.method, headers: req.headers });
    res.writeHead(200).end("Purged");
  }),
  createServer((_req, res) => res.writeHead(405).end("Not allowed")),
];

beforeAll(async () => {
  await Promise.all(
    servers.map(
      (server, index) =>
        new Promise<void>((resolve) => server.listen([CONFIRMING, REFUSING][index], "127.0.0.1", () => resolve())),
    ),
  );
});
afterAll(() => servers.forEach((server) => server.close()));

describe("purgeVarnishes", () => {
  it("sends the tags space-separated in xkey-purge and reports nothing when every Varnish confirmed", async () => {
    received.length = 0;
    expect(await purgeVarnishes([`http://127.0.0.1:${CONFIRMING}`], ["article:1", "listing:front"])).toEqual([]);
    expect(received).toEqual([
      { method: "PURGE", headers: expect.objectContaining({ "xkey-purge": "article:1 listing:front" }) },
    ]);
  });

  it("spells each tag as the pages' xkey header does (an Arabic slug percent-encoded)", async () => {
    received.length = 0;
    expect(await purgeVarnishes([`http://127.0.0.1:${CONFIRMING}`], ["tag:قطر", "article:2"])).toEqual([]);
    expect(received[0]?.headers["xkey-purge"]).toBe("tag:%D9%82%D8%B7%D8%B1 article:2");
  });

  it("names each Varnish that refused or did not answer", async () => {
    const unconfirmed = await purgeVarnishes(
      [`http://127.0.0.1:${CONFIRMING}`, `http://127.0.0.1:${REFUSING}`, `http://127.0.0.1:${NOBODY}`],
      ["article:1"],
    );
    expect(unconfirmed).toHaveLength(2);
    expect(unconfirmed[0]).toBe(`http://127.0.0.1:${REFUSING} (405)`);
    expect(unconfirmed[1]).toContain(`http://127.0.0.1:${NOBODY}`);
  });

  it("splits a long tag list into several purges, none longer than the limit", async () => {
    const tags = Array.from({ length: 2_000 }, (_, index) => `article:${index}`);
    const batches = tagBatches(tags);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((batch) => batch.length <= 4_000)).toBe(true);
    expect(batches.join(" ").split(" ")).toEqual(tags);
    received.length = 0;
    expect(await purgeVarnishes([`http://127.0.0.1:${CONFIRMING}`], tags)).toEqual([]);
    expect(received).toHaveLength(batches.length);
  });
});
