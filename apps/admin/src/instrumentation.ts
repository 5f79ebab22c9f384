// Next.js calls register() once per server process at start-up: the admin's background work begins here.

export async function register(): Promise<void> {
  // NEXT_RUNTIME is inlined by Next for each runtime, so the edge bundle never contains the scheduler or Prisma;
  // reading it here rather than through env.ts is what makes that possible.
  // eslint-disable-next-line no-restricted-properties -- a build-time constant of Next's, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireSupportedNode } = await import("@minbar/db/env");
  console.log(`▲ Minbar admin on Node ${requireSupportedNode()}`);
  const { startScheduledPublishing } = await import("./lib/scheduler.ts");
  startScheduledPublishing();
}
