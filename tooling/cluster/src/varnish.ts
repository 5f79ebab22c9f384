// Varnish for the cluster and its tests: checked (and installed from Debian's packages when root), started in the
// foreground on a port with the repository's VCL (deploy/varnish/minbar.vcl) and a generated include naming the
// public-site instances, and asked for its counters.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureProgram, VARNISH } from "@minbar/e2e/preflight";
import { inheritedEnv } from "@minbar/e2e/env";

/** The production VCL, in the repository. */
export const MINBAR_VCL = fileURLToPath(new URL("../../../deploy/varnish/minbar.vcl", import.meta.url));

export type Instance = { host: string; port: number };

/** The include minbar.vcl reads: a probed and an unprobed backend per instance, who may purge, the directors' lines. */
export function backendsVcl(instances: readonly Instance[], purgers: readonly string[] = ["127.0.0.1"]): string {
  if (instances.length === 0) throw new Error("Varnish needs at least one public-site instance");
  if (purgers.length === 0) throw new Error("acl minbar_purgers needs at least one address");
  const lines = ["# Written by @minbar/cluster: the public-site instances behind minbar.vcl.", ""];
  instances.forEach(({ host, port }, index) => {
    const name = `web${index + 1}`;
    lines.push(
      `backend ${name} {`,
      `    .host = "${host}";`,
      `    .port = "${port}";`,
      `    .probe = minbar_health;`,
      `}`,
      `backend ${name}_direct {`,
      `    .host = "${host}";`,
      `    .port = "${port}";`,
      `}`,
    );
  });
  lines.push("", "acl minbar_purgers {", ...purgers.map((address) => `    "${address}";`), "}", "");
  lines.push("sub vcl_init {");
  instances.forEach((_, index) => lines.push(`    probed.add_backend(web${index + 1});`));
  instances.forEach((_, index) => lines.push(`    unprobed.add_backend(web${index + 1}_direct);`));
  lines.push("}", "");
  return lines.join("\n");
}

/** Whether varnishd is here and compiles a VCL importing xkey. */
export function varnishUsable(): boolean {
  const dir = mkdtempSync(join(tmpdir(), "minbar-varnish-check-"));
  // varnishd reads the file as its own unprivileged user.
  chmodSync(dir, 0o755);
  try {
    const vcl = join(dir, "check.vcl");
    writeFileSync(vcl, "vcl 4.1;\nimport xkey;\nbackend default none;\n");
    const run = spawnSync("varnishd", ["-C", "-f", vcl, "-n", join(dir, "n")], { stdio: "ignore" });
    return run.status === 0;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes sure Varnish with xkey is installed: as root on Debian, installs `varnish` and `varnish-modules` (apt-get's
 * output on stderr); otherwise throws one line naming the command to run.
 */
export function ensureVarnish(command: string): void {
  ensureProgram(VARNISH, varnishUsable, command);
}

export type RunningVarnish = {
  origin: string;
  /** Its work folder (`varnishstat -n`, `varnishlog -n`). */
  workDir: string;
  /** MAIN counters by name without the prefix (cache_hit, cache_miss, backend_fail, n_object…). */
  counters(): Record<string, number>;
  stop(): Promise<void>;
};

/**
 * Starts varnishd in the foreground on 127.0.0.1:port with minbar.vcl in front of `instances`, resolved once it
 * answers HTTP.
 */
export async function startVarnish({
  port,
  instances,
  purgers,
  memoryMb = 256,
  host = "127.0.0.1",
}: {
  port: number;
  instances: readonly Instance[];
  purgers?: readonly string[];
  memoryMb?: number;
  host?: string;
}): Promise<RunningVarnish> {
  const workDir = mkdtempSync(join(tmpdir(), "minbar-varnish-"));
  // varnishd drops its privileges (to the varnish user) and must read the VCL folder and write its work folder.
  chmodSync(workDir, 0o755);
  writeFileSync(join(workDir, "minbar-backends.vcl"), backendsVcl(instances, purgers));
  const child = spawn(
    "varnishd",
    [
      "-F",
      ...["-a", `${host}:${port}`],
      ...["-f", MINBAR_VCL],
      ...["-p", `vcl_path=${workDir}`],
      ...["-n", join(workDir, "n")],
      ...["-s", `malloc,${memoryMb}m`],
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: inheritedEnv() },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
    rmSync(workDir, { recursive: true, force: true });
  };
  const origin = `http://${host}:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const answered = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      async (response) => (await response.arrayBuffer(), true),
      () => false,
    );
    if (answered)
      return {
        origin,
        workDir,
        stop,
        counters: () => varnishCounters(join(workDir, "n")),
      };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`varnishd did not answer on ${origin} within 30 s:\n${output}`);
}

function varnishCounters(name: string): Record<string, number> {
  const run = spawnSync("varnishstat", ["-n", name, "-1", "-j", "-f", "MAIN.*"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`varnishstat failed: ${run.stderr}`);
  const parsed = JSON.parse(run.stdout) as { counters?: Record<string, { value: number }> };
  const counters: Record<string, number> = {};
  for (const [key, { value }] of Object.entries(parsed.counters ?? parsed)) {
    if (key.startsWith("MAIN.")) counters[key.slice("MAIN.".length)] = value;
  }
  return counters;
}
