// Publishes every scheduled localization whose time has come; the scheduler loop calls it about once a minute.
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import { BLOCKING_WARNING_CODES } from "../warnings.ts";

export type PublishedBySchedule = { articleId: number; localizationId: number; locale: Locale; slug: string };

/*
 * One statement, so it is atomic and safe with two schedulers running: the UPDATE locks each due row, and a
 * scheduler that waited on the lock re-checks `status = 'scheduled'` after the other committed and skips the row.
 * Transitions and audit rows are written only for rows this statement actually changed (actor null: the system).
 * A row whose title was cleared, or that regained a blocking warning, after it was scheduled stays scheduled for an
 * editor to look at rather than going live.
 */
export async function publishDueScheduled(
  prisma: PrismaClient,
  now: Date = new Date(),
): Promise<PublishedBySchedule[]> {
  const blocking = [...BLOCKING_WARNING_CODES];
  const rows = await prisma.$queryRaw<{ id: number; article_id: number; locale: Locale; slug: string }[]>`
    WITH due AS (
      UPDATE article_localizations l
      SET status = 'published',
          published_at = coalesce(l.published_at, l.scheduled_at),
          scheduled_at = NULL,
          version = l.version + 1,
          updated_at = ${now}::timestamp(3)
      WHERE l.status = 'scheduled'
        AND l.scheduled_at <= ${now}::timestamp(3)
        AND nullif(btrim(l.title), '') IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements(
            CASE jsonb_typeof(l.warnings) WHEN 'array' THEN l.warnings ELSE '[]'::jsonb END
          ) w
          WHERE w->>'code' = ANY(${blocking}::text[])
            -- resolved as in warning-rules.ts: the title or the date has since been supplied
            AND NOT (w->>'code' = 'missing_title' AND nullif(btrim(l.title), '') IS NOT NULL)
            AND NOT (w->>'code' IN ('missing_date', 'missing_year') AND l.published_at IS NOT NULL)
        )
      RETURNING l.id, l.article_id, l.locale, l.slug, l.published_at
    ),
    transitions AS (
      INSERT INTO workflow_transitions (localization_id, from_status, to_status, actor_id, comment, at)
      SELECT id, 'scheduled', 'published', NULL, 'scheduled', ${now}::timestamp(3) FROM due
    ),
    audit AS (
      INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, data)
      SELECT ${now}::timestamp(3), NULL, 'article.publish_scheduled', 'article_localization', id::text,
             jsonb_build_object('articleId', article_id, 'locale', locale, 'from', 'scheduled', 'to', 'published',
                                'publishedAt', published_at)
      FROM due
    )
    SELECT id, article_id, locale::text AS locale, slug FROM due ORDER BY id`;
  return rows.map((row) => ({ articleId: row.article_id, localizationId: row.id, locale: row.locale, slug: row.slug }));
}
