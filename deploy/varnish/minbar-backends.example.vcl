# An example of the file minbar.vcl includes (install it as /etc/varnish/minbar-backends.vcl, beside minbar.vcl):
# one pair of backends per public-site instance, who may purge, and the lines adding the instances to the directors.
# `npm run cluster` writes its own (tooling/cluster/src/varnish.ts).

backend web1 {
    .host = "10.0.0.11";
    .port = "3000";
    .probe = minbar_health;
}
backend web1_direct {
    .host = "10.0.0.11";
    .port = "3000";
}
backend web2 {
    .host = "10.0.0.12";
    .port = "3000";
    .probe = minbar_health;
}
backend web2_direct {
    .host = "10.0.0.12";
    .port = "3000";
}

# The instances send the purges (VARNISH_PURGE_URLS); localhost always may.
acl minbar_purgers {
    "10.0.0.11";
    "10.0.0.12";
}

# Appended by Varnish to minbar.vcl's vcl_init, which creates the two directors.
sub vcl_init {
    probed.add_backend(web1);
    probed.add_backend(web2);
    unprobed.add_backend(web1_direct);
    unprobed.add_backend(web2_direct);
}
