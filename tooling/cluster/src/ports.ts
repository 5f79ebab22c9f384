// The ports the cluster's tests and benchmark listen on (3500–3599, Varnish 8180–8189, Redis 6410–6419), so they run
// beside other checkouts' suites; `npm run cluster` uses its own defaults (Varnish on 8080).
export const TEST_PORTS = {
  varnishForVclTests: 8180,
  varnish: 8181,
  varnishForBench: 8182,
  fakeInstances: [3580, 3581],
  web: [3500, 3501],
  admin: [3510, 3511],
  nginx: 3590,
  redis: 6410,
  bench: { web: [3520, 3521], admin: [3530, 3531], redis: 6411 },
} as const;
