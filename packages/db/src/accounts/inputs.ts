// The accounts domain's shared input rules: emails, names, passwords, role keys, ids, and where a request came from.
import { z } from "zod";
import { isPermission, PERMISSIONS } from "../permissions.ts";

/** Trimmed and lower-cased before it is checked, so `" Ana@Example.TEST "` and `ana@example.test` are one account. */
export const emailInput = z.string().trim().toLowerCase().max(320).pipe(z.email());

export const personNameInput = z.string().trim().min(1).max(200);

/** Long passphrases rather than composition rules (NIST SP 800-63B); the upper bound keeps hashing cheap to refuse. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
export const passwordInput = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

/** A role's stable key: lower-case Latin letters, digits, `_` and `-`, starting with a letter. */
export const roleKeyInput = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{1,39}$/);

export const roleKeysInput = z
  .array(roleKeyInput)
  .max(20)
  .transform((keys) => [...new Set(keys)]);

/** Keys from the permission catalogue (strings in, so a form's values need no cast), de-duplicated, in catalogue order. */
export const permissionsInput = z
  .array(z.string().refine(isPermission, "not in the permission catalogue"))
  .max(PERMISSIONS.length * 2)
  .transform((keys) => PERMISSIONS.filter((permission) => keys.includes(permission)));

export const idInput = z.number().int().positive();

/** Where the request came from, recorded in the audit log (the client address, as the app resolved it). */
export type RequestContext = { address?: string | null };
