-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ar', 'ru', 'en');

-- CreateEnum
CREATE TYPE "ArticleStatus" AS ENUM ('draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished', 'archived');

-- CreateEnum
CREATE TYPE "RevisionOrigin" AS ENUM ('import', 'editor', 'restore');

-- CreateEnum
CREATE TYPE "ImportOutcome" AS ENUM ('created', 'unchanged', 'updated', 'failed');

-- HAND-WRITTEN: search functions used by the generated column article_localizations.search_vector.
-- Arabic search normalization (hand-written; mirrored in packages/db/src/search/normalize-arabic.ts).
-- Removes diacritics and tatweel, folds alef/hamza forms, ى→ي, word-final ه→ة, Arabic-Indic digits, and the conjunction
-- و/ف before the article ال, which PostgreSQL's `arabic` stemmer keeps (والشراكة would stay والشراك).
CREATE FUNCTION minbar_normalize_ar(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
  SELECT regexp_replace(
    regexp_replace(
      translate(
        regexp_replace(normalize(input, NFC), '[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]', '', 'g'),
        'أإآٱىؤئ٠١٢٣٤٥٦٧٨٩',
        'اااايوي0123456789'
      ),
      '([\u0621-\u064A]{2})ه($|[^\u0621-\u064A])', '\1ة\2', 'g'
    ),
    '(^|[^\u0621-\u064A])[وف]([بك]?ال[\u0621-\u064A]{2,})', '\1\2', 'g'
  )
$fn$;

-- The plain text of a structured body (blocks of {type, text}).
CREATE FUNCTION minbar_blocks_text(blocks jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
  SELECT coalesce(string_agg(block ->> 'text', ' '), '')
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(blocks) = 'array' THEN blocks ELSE '[]'::jsonb END) AS block
$fn$;

-- The search document of a localization, in its language's text-search configuration.
CREATE FUNCTION minbar_search_vector(locale "Locale", title text, summary text, body jsonb) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
  SELECT CASE locale
    WHEN 'ar' THEN
      setweight(to_tsvector('arabic'::regconfig, minbar_normalize_ar(coalesce(title, ''))), 'A') ||
      setweight(to_tsvector('arabic'::regconfig, minbar_normalize_ar(coalesce(summary, ''))), 'B') ||
      setweight(to_tsvector('arabic'::regconfig, minbar_normalize_ar(coalesce(minbar_blocks_text(body), ''))), 'C')
    WHEN 'ru' THEN
      setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') ||
      setweight(to_tsvector('russian'::regconfig, coalesce(summary, '')), 'B') ||
      setweight(to_tsvector('russian'::regconfig, coalesce(minbar_blocks_text(body), '')), 'C')
    ELSE
      setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
      setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') ||
      setweight(to_tsvector('english'::regconfig, coalesce(minbar_blocks_text(body), '')), 'C')
  END
$fn$;

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "ui_locale" "Locale" NOT NULL DEFAULT 'ar',
    "disabled_at" TIMESTAMP(3),
    "auth_version" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "roles" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name_ar" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "permissions" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "roles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_roles" (
    "user_id" INTEGER NOT NULL,
    "role_id" INTEGER NOT NULL,
    "assigned_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_roles_pkey" PRIMARY KEY ("user_id","role_id")
);

-- CreateTable
CREATE TABLE "sign_in_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name_ar" TEXT NOT NULL,
    "name_ru" TEXT,
    "name_en" TEXT,
    "match_key" TEXT NOT NULL,
    "url" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "photo_credits" (
    "id" SERIAL NOT NULL,
    "name_ar" TEXT NOT NULL,
    "name_ru" TEXT,
    "name_en" TEXT,
    "match_key" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "photo_credits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contributors" (
    "id" SERIAL NOT NULL,
    "name_ar" TEXT NOT NULL,
    "name_ru" TEXT,
    "name_en" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "contributors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name_ar" TEXT NOT NULL,
    "name_ru" TEXT,
    "name_en" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "articles" (
    "id" SERIAL NOT NULL,
    "original_locale" "Locale" NOT NULL DEFAULT 'ar',
    "source_id" INTEGER,
    "photo_credit_id" INTEGER,
    "lead_photo_url" TEXT,
    "created_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_localizations" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "locale" "Locale" NOT NULL,
    "title" TEXT,
    "slug" TEXT NOT NULL,
    "summary" TEXT,
    "body" JSONB NOT NULL DEFAULT '[]',
    "photo_alt" TEXT,
    "status" "ArticleStatus" NOT NULL DEFAULT 'draft',
    "published_at" TIMESTAMP(3),
    "scheduled_at" TIMESTAMP(3),
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "updated_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    -- HAND-EDITED: generated by PostgreSQL; schema.prisma declares it Unsupported("tsvector") @default(dbgenerated()).
    "search_vector" tsvector GENERATED ALWAYS AS (minbar_search_vector("locale", "title", "summary", "body")) STORED,

    CONSTRAINT "article_localizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revisions" (
    "id" SERIAL NOT NULL,
    "localization_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT,
    "slug" TEXT NOT NULL,
    "summary" TEXT,
    "body" JSONB NOT NULL,
    "origin" "RevisionOrigin" NOT NULL,
    "content_hash" TEXT,
    "applied" BOOLEAN NOT NULL DEFAULT true,
    "author_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bylines" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "user_id" INTEGER,
    "contributor_id" INTEGER,

    CONSTRAINT "bylines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_tags" (
    "article_id" INTEGER NOT NULL,
    "tag_id" INTEGER NOT NULL,

    CONSTRAINT "article_tags_pkey" PRIMARY KEY ("article_id","tag_id")
);

-- CreateTable
CREATE TABLE "workflow_transitions" (
    "id" SERIAL NOT NULL,
    "localization_id" INTEGER NOT NULL,
    "from_status" "ArticleStatus",
    "to_status" "ArticleStatus" NOT NULL,
    "actor_id" INTEGER,
    "comment" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_comments" (
    "id" SERIAL NOT NULL,
    "localization_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "body" TEXT NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "edit_presences" (
    "localization_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "edit_presences_pkey" PRIMARY KEY ("localization_id","user_id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "address" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wire_files" (
    "id" SERIAL NOT NULL,
    "content_hash" TEXT NOT NULL,
    "file_key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "article_id" INTEGER,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wire_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_records" (
    "id" BIGSERIAL NOT NULL,
    "content_hash" TEXT,
    "file_name" TEXT NOT NULL,
    "outcome" "ImportOutcome" NOT NULL,
    "article_id" INTEGER,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "roles_key_key" ON "roles"("key");

-- CreateIndex
CREATE INDEX "user_roles_role_id_idx" ON "user_roles"("role_id");

-- CreateIndex
CREATE UNIQUE INDEX "sign_in_tokens_token_hash_key" ON "sign_in_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "sign_in_tokens_user_id_idx" ON "sign_in_tokens"("user_id");

-- CreateIndex
CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts"("email", "at");

-- CreateIndex
CREATE INDEX "login_attempts_address_at_idx" ON "login_attempts"("address", "at");

-- CreateIndex
CREATE UNIQUE INDEX "sources_slug_key" ON "sources"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "sources_match_key_key" ON "sources"("match_key");

-- CreateIndex
CREATE UNIQUE INDEX "photo_credits_match_key_key" ON "photo_credits"("match_key");

-- CreateIndex
CREATE UNIQUE INDEX "tags_slug_key" ON "tags"("slug");

-- CreateIndex
CREATE INDEX "articles_source_id_idx" ON "articles"("source_id");

-- CreateIndex
CREATE INDEX "articles_photo_credit_id_idx" ON "articles"("photo_credit_id");

-- CreateIndex
CREATE INDEX "article_localizations_status_locale_published_at_idx" ON "article_localizations"("status", "locale", "published_at" DESC);

-- CreateIndex
CREATE INDEX "article_localizations_scheduled_at_idx" ON "article_localizations"("scheduled_at");

-- CreateIndex
CREATE INDEX "article_localizations_search_vector_idx" ON "article_localizations" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "article_localizations_article_id_locale_key" ON "article_localizations"("article_id", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "article_localizations_locale_slug_key" ON "article_localizations"("locale", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "revisions_localization_id_number_key" ON "revisions"("localization_id", "number");

-- CreateIndex
CREATE INDEX "bylines_user_id_idx" ON "bylines"("user_id");

-- CreateIndex
CREATE INDEX "bylines_contributor_id_idx" ON "bylines"("contributor_id");

-- CreateIndex
CREATE UNIQUE INDEX "bylines_article_id_position_key" ON "bylines"("article_id", "position");

-- CreateIndex
CREATE INDEX "article_tags_tag_id_idx" ON "article_tags"("tag_id");

-- CreateIndex
CREATE INDEX "workflow_transitions_localization_id_at_idx" ON "workflow_transitions"("localization_id", "at");

-- CreateIndex
CREATE INDEX "review_comments_localization_id_created_at_idx" ON "review_comments"("localization_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "wire_files_content_hash_key" ON "wire_files"("content_hash");

-- CreateIndex
CREATE INDEX "wire_files_file_key_idx" ON "wire_files"("file_key");

-- CreateIndex
CREATE INDEX "wire_files_article_id_idx" ON "wire_files"("article_id");

-- CreateIndex
CREATE INDEX "import_records_content_hash_idx" ON "import_records"("content_hash");

-- CreateIndex
CREATE INDEX "import_records_imported_at_idx" ON "import_records"("imported_at" DESC);

-- AddForeignKey
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_in_tokens" ADD CONSTRAINT "sign_in_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_photo_credit_id_fkey" FOREIGN KEY ("photo_credit_id") REFERENCES "photo_credits"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_localizations" ADD CONSTRAINT "article_localizations_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_localizations" ADD CONSTRAINT "article_localizations_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_localization_id_fkey" FOREIGN KEY ("localization_id") REFERENCES "article_localizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bylines" ADD CONSTRAINT "bylines_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bylines" ADD CONSTRAINT "bylines_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bylines" ADD CONSTRAINT "bylines_contributor_id_fkey" FOREIGN KEY ("contributor_id") REFERENCES "contributors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_transitions" ADD CONSTRAINT "workflow_transitions_localization_id_fkey" FOREIGN KEY ("localization_id") REFERENCES "article_localizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_transitions" ADD CONSTRAINT "workflow_transitions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_localization_id_fkey" FOREIGN KEY ("localization_id") REFERENCES "article_localizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_presences" ADD CONSTRAINT "edit_presences_localization_id_fkey" FOREIGN KEY ("localization_id") REFERENCES "article_localizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edit_presences" ADD CONSTRAINT "edit_presences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire_files" ADD CONSTRAINT "wire_files_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
