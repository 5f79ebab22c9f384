// Server actions called as Next's client calls them, for tests and tools that drive an app without a browser: the
// action's id in the build's own manifest, and what the action answered (its value, its error code, or a redirect).
import { readFileSync } from "node:fs";
import { join } from "node:path";

type ManifestEntry = { exportedName?: string; filename?: string };

/** The id Next gave a server action of the app in `appDir` in its current build. */
export function serverActionId(appDir: string, exportedName: string): string {
  const path = join(appDir, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(path, "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && entry.filename?.includes("/app/"),
  );
  if (!found) throw new Error(`no server action named ${exportedName} in this build`);
  return found[0];
}

/** The headers of a POST calling that action (its body: the arguments, JSON-encoded). */
export function serverActionHeaders(appDir: string, exportedName: string): Record<string, string> {
  return {
    "Next-Action": serverActionId(appDir, exportedName),
    "Content-Type": "text/plain;charset=UTF-8",
    Accept: "text/x-component",
  };
}

export type ActionOutcome = { ok: true; value: unknown } | { ok: false; code: string } | { redirect: string };

/** What an action returned (line 1 of the flight answer), or where it redirected (`x-action-redirect`). */
export function actionOutcome(
  name: string,
  status: number,
  redirect: string | null | undefined,
  text: string,
): ActionOutcome {
  if (redirect) return { redirect };
  const line = text.split("\n").find((l) => l.startsWith("1:"));
  if (!line) throw new Error(`${name}: unexpected answer ${status}: ${text.slice(0, 300)}`);
  const value = JSON.parse(line.slice(2)) as { ok: boolean; value?: unknown; error?: { code: string } };
  return value.ok ? { ok: true, value: value.value } : { ok: false, code: value.error?.code ?? "unknown" };
}
