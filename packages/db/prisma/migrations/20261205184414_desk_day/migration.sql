-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('correction', 'update');

-- AlterTable
ALTER TABLE "article_localizations" ADD COLUMN     "pending_body" JSONB,
ADD COLUMN     "pending_photo_alt" TEXT,
ADD COLUMN     "pending_photo_caption" TEXT,
ADD COLUMN     "pending_scheduled_at" TIMESTAMP(3),
ADD COLUMN     "pending_since" TIMESTAMP(3),
ADD COLUMN     "pending_slug" TEXT,
ADD COLUMN     "pending_submitted_at" TIMESTAMP(3),
ADD COLUMN     "pending_summary" TEXT,
ADD COLUMN     "pending_title" TEXT,
ADD COLUMN     "revised_at" TIMESTAMP(3),
ADD COLUMN     "unpublish_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "section_id" INTEGER;

-- CreateTable
CREATE TABLE "sections" (
    "id" SERIAL NOT NULL,
    "slug_ar" TEXT NOT NULL,
    "slug_ru" TEXT NOT NULL,
    "slug_en" TEXT NOT NULL,
    "name_ar" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "retired_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_corrections" (
    "id" SERIAL NOT NULL,
    "localization_id" INTEGER NOT NULL,
    "kind" "CorrectionKind" NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,

    CONSTRAINT "article_corrections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sections_slug_ar_key" ON "sections"("slug_ar");

-- CreateIndex
CREATE UNIQUE INDEX "sections_slug_ru_key" ON "sections"("slug_ru");

-- CreateIndex
CREATE UNIQUE INDEX "sections_slug_en_key" ON "sections"("slug_en");

-- CreateIndex
CREATE INDEX "sections_position_idx" ON "sections"("position");

-- CreateIndex
CREATE INDEX "article_corrections_localization_id_at_idx" ON "article_corrections"("localization_id", "at");

-- CreateIndex
CREATE INDEX "article_localizations_unpublish_at_idx" ON "article_localizations"("unpublish_at");

-- CreateIndex
CREATE INDEX "article_localizations_pending_scheduled_at_idx" ON "article_localizations"("pending_scheduled_at");

-- CreateIndex
CREATE INDEX "articles_section_id_idx" ON "articles"("section_id");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_corrections" ADD CONSTRAINT "article_corrections_localization_id_fkey" FOREIGN KEY ("localization_id") REFERENCES "article_localizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_corrections" ADD CONSTRAINT "article_corrections_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: at most one default section (the one imports file under).
CREATE UNIQUE INDEX "sections_one_default" ON "sections"("is_default") WHERE "is_default";

-- Hand-written: the source site's sections, news the default, and every existing article filed under news.
INSERT INTO "sections" ("slug_ar", "slug_ru", "slug_en", "name_ar", "name_ru", "name_en", "position", "is_default", "updated_at")
VALUES
  ('أخبار', 'novosti', 'news', 'أخبار', 'Новости', 'News', 1, true, CURRENT_TIMESTAMP),
  ('ثقافة', 'kultura', 'culture', 'ثقافة', 'Культура', 'Culture', 2, false, CURRENT_TIMESTAMP),
  ('فعاليات', 'sobytiya', 'events', 'فعاليات', 'События', 'Events', 3, false, CURRENT_TIMESTAMP);

UPDATE "articles" SET "section_id" = (SELECT "id" FROM "sections" WHERE "is_default");
