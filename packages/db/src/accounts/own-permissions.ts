// No one hands out more than they hold: a role manager cannot grant, and a user manager cannot assign, a permission
// they do not have themselves — otherwise either permission would be a way to all the others.
import { isPermission, type Actor, type Permission } from "../permissions.ts";

/**
 * The permissions in `permissions` that the actor lacks. A stored string the catalogue has dropped grants nothing (as
 * loadActor reads roles), so it neither counts against the actor nor puts a user or role out of everyone's reach.
 */
export function permissionsBeyond(actor: Actor, permissions: readonly string[]): Permission[] {
  return [...new Set(permissions.filter(isPermission))]
    .filter((permission) => !actor.permissions.has(permission))
    .sort();
}
