-- CreateEnum
CREATE TYPE "FrontPageArrangementKind" AS ENUM ('draft', 'scheduled', 'live');

-- CreateTable
CREATE TABLE "front_page_arrangements" (
    "id" SERIAL NOT NULL,
    "locale" "Locale" NOT NULL,
    "kind" "FrontPageArrangementKind" NOT NULL,
    "layout" JSONB NOT NULL DEFAULT '{}',
    "go_live_at" TIMESTAMP(3),
    "published_at" TIMESTAMP(3),
    "updated_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "front_page_arrangements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "breaking_banners" (
    "id" SERIAL NOT NULL,
    "locale" "Locale" NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "updated_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "breaking_banners_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "front_page_arrangements_locale_kind_idx" ON "front_page_arrangements"("locale", "kind");

-- CreateIndex
CREATE INDEX "front_page_arrangements_kind_go_live_at_idx" ON "front_page_arrangements"("kind", "go_live_at");

-- CreateIndex
CREATE UNIQUE INDEX "breaking_banners_locale_key" ON "breaking_banners"("locale");

-- At most one working draft and one live arrangement per edition (scheduled ones may be many).
CREATE UNIQUE INDEX "front_page_arrangements_one_draft_or_live" ON "front_page_arrangements"("locale", "kind")
WHERE "kind" IN ('draft', 'live');
