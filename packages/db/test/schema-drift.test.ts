// Guards the committed migrations: prisma/schema.prisma must be exactly what prisma/migrations produce.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const packageRoot = fileURLToPath(new URL("..", import.meta.url));

// When this fails, author the missing migration: npm run db:migration:create -- <name>
it("schema.prisma has no changes missing from prisma/migrations", async () => {
  const script = path.join(packageRoot, "scripts/create-migration.ts");
  const outcome = await promisify(execFile)(process.execPath, ["--import", "tsx", script, "--check"], {
    cwd: packageRoot,
    timeout: 60_000,
  }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      out: `${error.stdout ?? ""}${error.stderr ?? ""}`,
    }),
  );
  expect(outcome.out).toMatch(/No drift/);
  expect(outcome.code, outcome.out).toBe(0);
});
