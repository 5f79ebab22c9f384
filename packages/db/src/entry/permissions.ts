// @minbar/db/permissions: the permission catalogue and the one check every use case and route makes.
export * from "../permissions.ts";
