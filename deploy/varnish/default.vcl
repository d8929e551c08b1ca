# Varnish 7 in front of newsroom (README, "Behind Varnish"). Needs varnish-modules (xkey).
#
# `deploy/varnish/serve BACKEND LISTEN` fills in the @@…@@ values; to use this file
# elsewhere, replace them by hand: the backend's host and port, the Host header of the
# health check (one of ALLOWED_HOSTS) and the addresses allowed to purge.
#
# - Anonymous GET/HEAD are cached as the app's Cache-Control says (s-maxage), keyed by URL
#   and host, with their cookies removed (readers have no session; nothing else matters).
# - The admin, the desk, previews and any request with a session cookie (staff) go straight
#   to the app (pass), never cached; so does anything the app marks private or no-store.
# - `PURGE` with an `xkey: tag tag …` header drops every object tagged so (the app's `xkey`
#   response header), from the addresses in `purgers` only (others: 403).
# - Stale objects: served while a fresh one is fetched within the app's
#   stale-while-revalidate window, and for stale-if-error while the app is down.
vcl 4.1;

import std;
import xkey;

probe health {
    .request = "GET /robots.txt HTTP/1.1"
               "Host: @@PROBE_HOST@@"
               "Connection: close";
    # Sick (stale-if-error) after 3 of the last 5 checks failed, not on one slow answer.
    .interval = 3s;
    .timeout = 5s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

backend default {
    .host = "@@BACKEND_HOST@@";
    .port = "@@BACKEND_PORT@@";
    .probe = health;
    .first_byte_timeout = 30s;
}

acl purgers {
@@PURGERS@@
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (!req.http.xkey) {
            return (synth(400, "Say what to purge in an xkey header"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|desk|preview)/") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    # Past the app's stale-while-revalidate window a healthy app is asked (vcl_hit).
    if (req.http.X-Fresh-Only) {
        set req.grace = 0s;
    }
}

sub vcl_hit {
    if (obj.ttl >= 0s) {
        return (deliver);
    }
    if (obj.ttl + std.duration(obj.http.X-Revalidate-Window, 0s) > 0s) {
        return (deliver);  # stale-while-revalidate: fetched again in the background
    }
    if (!std.healthy(req.backend_hint)) {
        return (deliver);  # stale-if-error
    }
    if (!req.http.X-Fresh-Only) {
        set req.http.X-Fresh-Only = "1";
        return (restart);
    }
}

sub vcl_backend_response {
    # Not to be kept (private or no-store, a cookie, no lifetime left): not cached, with a
    # hit-for-miss of 1 s only, so the next answer for that address is cached again at once
    # (the built-in 120 s would keep a page made while an edit committed out for minutes).
    if (!bereq.uncacheable && (beresp.http.Cache-Control ~ "(?i)no-store|private|no-cache"
        || beresp.http.Set-Cookie || beresp.ttl <= 0s || beresp.http.Vary == "*")) {
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    # beresp.grace is the app's stale-while-revalidate: keep it, then keep the object for
    # stale-if-error, served only while the app is unhealthy (vcl_hit).
    set beresp.http.X-Revalidate-Window = beresp.grace + "s";
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
}

sub vcl_deliver {
    unset resp.http.X-Revalidate-Window;
    unset resp.http.xkey;  # the tags are for this cache, not for readers
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
