// No one hands out more than they hold: a role manager cannot grant, and a user manager cannot assign, a permission
// they do not have themselves — otherwise either permission would be a way to all the others.
import { isPermission, type Actor } from "../permissions.ts";

export function permissionsBeyond(actor: Actor, permissions: readonly string[]): string[] {
  return [...new Set(permissions)]
    .filter((permission) => !isPermission(permission) || !actor.permissions.has(permission))
    .sort();
}
