-- Custom roles defined before `names.manage` existed: those whose holders translate or manage attribution get it, as
-- the built-in translator and editor did, so an upgrade takes nothing from them (docs/decisions/0029). Other custom
-- roles (a writer's, say) stay as they were. Built-in roles are synced on start. Each grant is audited as the roles
-- page would audit it, with no actor.
WITH "granted" AS (
  UPDATE "roles"
  SET "permissions" = array_append("permissions", 'names.manage'), "version" = "version" + 1, "updated_at" = now()
  WHERE NOT "built_in"
    AND NOT ('names.manage' = ANY ("permissions"))
    AND "permissions" && ARRAY['article.translate', 'attribution.manage']::TEXT[]
  RETURNING "id", "key", "permissions"
)
INSERT INTO "audit_log" ("action", "entity_type", "entity_id", "data")
SELECT 'role.update', 'role', "id"::TEXT,
       jsonb_build_object('key', "key", 'from', to_jsonb(array_remove("permissions", 'names.manage')), 'to', to_jsonb("permissions"))
FROM "granted";
