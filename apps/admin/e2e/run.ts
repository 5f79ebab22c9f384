// `npm run test:e2e`: Playwright against the production build, on a fresh database holding the seed articles and
// the accounts the tests sign in with.
import { createUser, ensureBuiltInRoles } from "@minbar/db";
import { runEndToEnd } from "@minbar/e2e";
import { ADMIN_USER, EDITOR_USER } from "./test-users.ts";

await runEndToEnd({
  prepare: async ({ prisma }) => {
    await ensureBuiltInRoles(prisma);
    await createUser(prisma, { ...ADMIN_USER, roleKeys: ["admin"] });
    await createUser(prisma, { ...EDITOR_USER, roleKeys: ["editor"] });
  },
});
