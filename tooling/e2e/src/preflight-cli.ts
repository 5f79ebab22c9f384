// `npm test` runs its tests through this: `preflight-cli.ts <command> [args...]` checks what the tests need (see
// preflight.ts), stops with one line per missing piece, and otherwise runs the command with PLAYWRIGHT_CHROMIUM_PATH
// set to the Chromium it found (turbo passes it through to the Playwright runs).
import { spawn } from "node:child_process";
import { inheritedEnv, readPreflightEnv } from "./env.ts";
import {
  CHROMIUM,
  DEBIAN_CHROMIUM,
  ensureProgram,
  installDebianPackages,
  isDebian,
  onPath,
  REDIS_SERVER,
  runPreflight,
} from "./preflight.ts";

function installDebianChromium(): boolean {
  console.error(
    "npm test: no Chromium found; installing Debian's chromium (apt-get update; apt-get install -y chromium)",
  );
  return installDebianPackages(CHROMIUM);
}

async function main(): Promise<number> {
  const env = readPreflightEnv();
  const result = await runPreflight({
    search: {
      chosen: env.chromiumPath,
      debianChromium: DEBIAN_CHROMIUM,
      playwrightBrowsers: env.playwrightBrowsers,
      debian: isDebian(),
      root: process.getuid?.() === 0,
    },
    testDatabaseUrl: env.testDatabaseUrl,
    install: installDebianChromium,
  });
  if (result.chromium === null) {
    for (const problem of result.problems) console.error(problem);
    return 1;
  }
  // The shared-cache and cluster tests start Redis servers of their own.
  try {
    ensureProgram(REDIS_SERVER, () => onPath("redis-server"), "npm test");
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.log(`npm test: Chromium at ${result.chromium}; PostgreSQL answers; redis-server found`);
    return 0;
  }
  const child = spawn(command, args, {
    stdio: "inherit",
    env: inheritedEnv({ PLAYWRIGHT_CHROMIUM_PATH: result.chromium }),
  });
  // Ctrl+C reaches the child through the terminal; this process only waits for it to finish.
  const ignore = () => undefined;
  process.on("SIGINT", ignore);
  process.on("SIGTERM", (signal) => child.kill(signal));
  return new Promise((resolve) => {
    child.once("error", (error) => {
      console.error(`npm test: cannot run ${command}: ${error.message}`);
      resolve(1);
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

process.exitCode = await main();
