// The revalidation signal against a real local HTTP server: what it sends, in how many requests, and that failures
// never throw.
import { describe, expect, it } from "vitest";
import { MAX_ARTICLE_IDS_PER_REQUEST } from "./revalidation-request.ts";
import { signalPublicSite } from "./signal-public-site.ts";
import { startSite, type Received } from "./test-site.ts";

const secret = "test-revalidate-secret-0123456789";
const idsIn = (request: Received): number[] => (JSON.parse(request.body) as { articleIds: number[] }).articleIds;

describe("signalPublicSite", () => {
  it("POSTs the article ids as JSON to /api/revalidate with the bearer secret", async () => {
    const site = await startSite(() => ({ status: 200 }));
    const result = await signalPublicSite({ target: { siteUrl: `${site.siteUrl}/`, secret }, articleIds: [42, 7, 42] });
    expect(result).toEqual({ confirmed: true, articles: 2 });
    expect(site.received).toEqual([
      {
        method: "POST",
        url: "/api/revalidate",
        authorization: `Bearer ${secret}`,
        contentType: "application/json",
        body: JSON.stringify({ articleIds: [42, 7] }),
      },
    ]);
  });

  it("passes the sender's request id as X-Request-Id, on every request of the signal", async () => {
    const site = await startSite(() => ({ status: 200 }));
    const articleIds = Array.from({ length: MAX_ARTICLE_IDS_PER_REQUEST + 1 }, (_, i) => i + 1);
    await signalPublicSite({ target: { siteUrl: site.siteUrl, secret, requestId: "job-1234" }, articleIds });
    expect(site.received.map((request) => request.requestId)).toEqual(["job-1234", "job-1234"]);
    await signalPublicSite({ target: { siteUrl: site.siteUrl, secret }, articleIds: [1] });
    expect(site.received[2]?.requestId).toBeUndefined();
  });

  it("sends a long list in requests of at most the maximum the site accepts, one after the other", async () => {
    const site = await startSite(() => ({ status: 200 }));
    const articleIds = Array.from({ length: 2 * MAX_ARTICLE_IDS_PER_REQUEST + 1 }, (_, i) => i + 1);
    const result = await signalPublicSite({ target: { siteUrl: site.siteUrl, secret }, articleIds });
    expect(result).toEqual({ confirmed: true, articles: articleIds.length });
    expect(site.received.map((request) => idsIn(request).length)).toEqual([
      MAX_ARTICLE_IDS_PER_REQUEST,
      MAX_ARTICLE_IDS_PER_REQUEST,
      1,
    ]);
    expect(site.received.flatMap(idsIn)).toEqual(articleIds);
  });

  it("stops at the first request the site does not confirm, saying how many it had confirmed", async () => {
    const site = await startSite((n) => ({ status: n === 1 ? 200 : 500 }));
    const articleIds = Array.from({ length: 3 * MAX_ARTICLE_IDS_PER_REQUEST }, (_, i) => i + 1);
    const result = await signalPublicSite({ target: { siteUrl: site.siteUrl, secret }, articleIds });
    expect(result).toEqual({
      confirmed: false,
      articles: MAX_ARTICLE_IDS_PER_REQUEST,
      reason: `${site.siteUrl} answered 500`,
    });
    expect(site.received).toHaveLength(2);
  });

  it("names a refused secret", async () => {
    const site = await startSite(() => ({ status: 401 }));
    const result = await signalPublicSite({ target: { siteUrl: site.siteUrl, secret }, articleIds: [7] });
    expect(result).toEqual({ confirmed: false, articles: 0, reason: expect.stringContaining("refused the secret") });
  });

  it("reports a refused connection as a failure without throwing", async () => {
    // Take a free port and close it again, so nothing listens there.
    const site = await startSite(() => ({ status: 200 }));
    await site.close();
    const result = await signalPublicSite({ target: { siteUrl: site.siteUrl, secret }, articleIds: [7] });
    expect(result).toEqual({ confirmed: false, articles: 0, reason: expect.stringContaining("unreachable") });
  });

  it("gives up after the timeout when the site does not answer", async () => {
    const site = await startSite(() => null);
    const result = await signalPublicSite({
      target: { siteUrl: site.siteUrl, secret },
      articleIds: [7],
      timeoutMs: 200,
    });
    expect(result).toEqual({ confirmed: false, articles: 0, reason: `${site.siteUrl} did not answer within 200 ms` });
  });

  it("never follows a redirect, so the secret goes nowhere else", async () => {
    const elsewhere = await startSite(() => ({ status: 200 }));
    const site = await startSite(() => ({ status: 307, headers: { location: `${elsewhere.siteUrl}/api/revalidate` } }));
    const result = await signalPublicSite({ target: { siteUrl: site.siteUrl, secret }, articleIds: [7] });
    expect(result).toMatchObject({ confirmed: false, articles: 0 });
    expect(site.received).toHaveLength(1);
    expect(elsewhere.received).toEqual([]);
  });

  it("sends nothing when there is nothing to tell, and refuses a target that is not a URL", async () => {
    const site = await startSite(() => ({ status: 200 }));
    expect(await signalPublicSite({ target: { siteUrl: site.siteUrl, secret }, articleIds: [] })).toEqual({
      confirmed: true,
      articles: 0,
    });
    expect(site.received).toEqual([]);
    expect(await signalPublicSite({ target: { siteUrl: "not a url", secret }, articleIds: [7] })).toEqual({
      confirmed: false,
      articles: 0,
      reason: "not a URL: not a url",
    });
  });
});
