# Varnish in front of the public site's instances (docs/decisions/0039-varnish-and-the-cluster.md). Debian's
# varnish 7.1 with varnish-modules (xkey). The instances and the addresses allowed to purge come from
# minbar-backends.vcl, found on vcl_path: `npm run cluster` writes it; on real machines, see the README's deployment
# section (deploy/varnish/minbar-backends.example.vcl).
vcl 4.1;

import directors;
import std;
import var;
import xkey;

# Fast, so a stopped instance leaves the rotation within about two seconds; /api/health answers without touching the
# page cache (200 with PostgreSQL and Redis reachable, 503 naming what fails).
probe minbar_health {
    .url = "/api/health";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

acl minbar_local {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    # Misses go round-robin over the instances whose probe passes.
    new probed = directors.round_robin();
    # Only when none passes (e.g. PostgreSQL or Redis down for every one): misses are still tried, hits come from
    # the cache and its grace.
    new unprobed = directors.round_robin();
}

# Defines, for each instance N, `backend webN` (with `.probe = minbar_health;`) and `backend webN_direct` (the same
# address, no probe); `acl minbar_purgers` (who else may purge: the instances' addresses); and its own
# `sub vcl_init` (Varnish appends it to the one above) adding each webN to `probed`, each webN_direct to `unprobed`.
include "minbar-backends.vcl";

sub vcl_recv {
    # The site's revalidation endpoint sends `PURGE` with `xkey-purge: tag1 tag2` after dropping those tags in
    # Next's cache; every page carrying one of them goes (hard purge: the next reader waits for a fresh render
    # rather than seeing the old text).
    if (req.method == "PURGE") {
        if (client.ip !~ minbar_local && client.ip !~ minbar_purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header missing"));
        }
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        # A page being fetched now was asked for before this purge and may show the old state: it is delivered but
        # not stored (vcl_backend_response), so a purge is never undone by a fetch it overtook.
        var.global_set("purged_at", "" + std.time2real(now, 0.0));
        return (synth(200, "Purged " + req.http.X-Purged));
    }

    # Varnish's own id, whatever the client sent: the instance logs it (@minbar/observability accepts this shape),
    # and so does the admin's signal it causes.
    set req.http.X-Request-Id = "varnish-" + req.xid;
    # The signal is sent again to the next instance when the first refuses the connection (vcl_backend_error).
    if (req.method == "POST" && req.url ~ "^/api/revalidate") {
        std.cache_req_body(64KB);
    }

    if (std.healthy(probed.backend())) {
        set req.backend_hint = probed.backend();
        # Healthy instances: an expired page is refetched rather than served stale for long.
        set req.grace = 10s;
    } else {
        set req.backend_hint = unprobed.backend();
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # The API (the signal, health, metrics) is never cached, except the breaking banner (public, seconds).
    if (req.url ~ "^/api/" && req.url !~ "^/api/breaking/") {
        return (pass);
    }
    if (req.url ~ "^/preview(/|\?|$)" || req.url ~ "^/metrics") {
        return (pass);
    }
    # Next's client-router requests (RSC payloads): the site has no client navigation; never shared.
    if (req.http.RSC || req.http.Next-Router-Prefetch || req.url ~ "[?&]_rsc=") {
        return (pass);
    }

    # The query parameters the site's pages read (apps/web/server/query-params.ts): `q` and `page` on search, the
    # image optimizer's own, none elsewhere. A `?utm_source=…` or a random `?x=1` neither renders nor splits the cache.
    if (req.url ~ "^(/(ru|en))?/search/?(\?|$)" || req.url ~ "^/_next/image\?") {
        set req.url = std.querysort(req.url);
    } else {
        set req.url = regsub(req.url, "[?#].*$", "");
    }
    # The site sets no cookie and reads none (no sign-in; next-intl's locale cookie is off).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_fetch {
    # The id of the client request this fetch serves (a background refresh has none of its own).
    if (!bereq.http.X-Request-Id) {
        set bereq.http.X-Request-Id = "varnish-" + bereq.xid;
    }
}

sub vcl_backend_response {
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # Keep serving the stale copy rather than caching a failure.
        return (abandon);
    }
    if (beresp.status >= 500 && bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (std.time2real(bereq.time, 0.0) <= std.real(var.global_get("purged_at"), 0.0)) {
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Only what the site marks for shared caches (s-maxage, which Varnish's TTL rule puts first); no header is not a
    # licence for Varnish's default two minutes, which a purge-driven cache would serve stale.
    if (!beresp.http.Cache-Control) {
        set beresp.ttl = 30s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # A page is purged by its surrogate keys: one that names none could never be purged, so it is not stored (the
    # site tags every page it marks for shared caches; this keeps a page it failed to tag from going stale here).
    if (!beresp.http.xkey && beresp.http.Content-Type ~ "^text/html") {
        set beresp.ttl = 30s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # When every instance is down, cached pages are served for hours past their time.
    set beresp.grace = 6h;
    # The xkey header stays on the stored object (xkey indexes it); vcl_deliver removes it.
}

sub vcl_backend_error {
    # An instance stopped between two probes refuses the connection: the next one in the rotation gets the fetch.
    # The signal too: it is idempotent, and its body was kept (vcl_recv).
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD" || bereq.url ~ "^/api/revalidate")) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    set resp.http.X-Request-Id = req.http.X-Request-Id;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    if (req.method == "PURGE" && resp.status == 200) {
        set resp.http.xkey-purged = req.http.X-Purged;
    }
}
