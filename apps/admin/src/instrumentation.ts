// Next.js calls register() once per server process at start-up: the admin's background work begins here.

export async function register(): Promise<void> {
  // NEXT_RUNTIME is inlined by Next for each runtime, so the edge bundle never contains the job queue or Prisma;
  // reading it here rather than through env.ts is what makes that possible.
  // eslint-disable-next-line no-restricted-properties -- a build-time constant of Next's, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireSupportedNode } = await import("@minbar/db/env");
  console.log(`▲ Minbar admin on Node ${requireSupportedNode()}`);
  const { getEnv, isNextBuild } = await import("./env.ts");
  if (!isNextBuild()) {
    try {
      getEnv();
    } catch (error) {
      // A misconfigured admin stops at start with one line, rather than failing on its first request.
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    }
  }
  const { startAdminJobs } = await import("./lib/jobs.ts");
  startAdminJobs();
}
