// `npm run test:e2e`: Playwright against the production build, on a fresh database holding the seed articles and
// the accounts the tests sign in with.
import { createUser, ensureBuiltInRoles } from "@minbar/db/accounts";
import { runEndToEnd } from "@minbar/e2e";
import {
  ADMIN_USER,
  DESK_EDITOR_USER,
  DISABLED_USER,
  EDITOR_USER,
  SECOND_EDITOR_USER,
  TRANSLATOR_USER,
  WRITER_USER,
} from "./test-users.ts";

await runEndToEnd({
  prepare: async ({ prisma }) => {
    await ensureBuiltInRoles(prisma);
    await createUser(prisma, { ...ADMIN_USER, roleKeys: ["admin"] });
    await createUser(prisma, { ...EDITOR_USER, roleKeys: ["editor"] });
    await createUser(prisma, { ...WRITER_USER, roleKeys: ["writer"] });
    await createUser(prisma, { ...DESK_EDITOR_USER, roleKeys: ["editor"] });
    await createUser(prisma, { ...SECOND_EDITOR_USER, roleKeys: ["editor"] });
    await createUser(prisma, { ...TRANSLATOR_USER, roleKeys: ["translator"] });
    await createUser(prisma, { ...DISABLED_USER, roleKeys: ["editor"] });
  },
});
