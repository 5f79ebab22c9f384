// @minbar/db/accounts: users, roles, passwords, sign-in and the audit log (the admin, start-up and tests).
export * from "../users.ts";
export * from "../accounts/index.ts";
