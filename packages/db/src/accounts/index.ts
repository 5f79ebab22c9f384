// The admin's accounts domain: users, roles, one-time sign-in links, throttled sign-in and the audit log viewer.
// Each use case re-checks the actor's permission; each change writes its audit entry in the same transaction.
export type { RequestContext } from "./inputs.ts";
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./inputs.ts";
export * from "./list-users.ts";
export type { UserActionsOffered } from "./target-guard.ts";
export * from "./create-user-with-sign-in-link.ts";
export {
  disableUser,
  enableUser,
  userIdInput,
  type UserIdInput,
  type SetUserDisabledResult,
} from "./set-user-disabled.ts";
export * from "./issue-password-reset-link.ts";
export * from "./set-user-roles.ts";
export * from "./list-roles.ts";
export * from "./save-role.ts";
export * from "./list-audit-log.ts";
export * from "./redeem-sign-in-token.ts";
export { inspectSignInToken, SIGN_IN_TOKEN_TTL_MS, type InspectedToken, type TokenRefusal } from "./sign-in-tokens.ts";
export { ACCOUNT_LIMITS, ADDRESS_LIMITS, type ThrottleScope } from "./sign-in-throttle.ts";
export * from "./sign-in-with-password.ts";
export * from "./sessions.ts";
export { inspectSignInLink, LINK_ADDRESS_LIMITS } from "./sign-in-link-throttle.ts";
