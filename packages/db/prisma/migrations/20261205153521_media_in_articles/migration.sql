-- AlterTable
ALTER TABLE "article_localizations" ADD COLUMN     "photo_caption" TEXT;

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "lead_image_id" INTEGER;

-- AlterTable
ALTER TABLE "media_images" ADD COLUMN     "rendition_error" TEXT,
ADD COLUMN     "source_id" INTEGER;

-- CreateIndex
CREATE INDEX "article_localizations_body_idx" ON "article_localizations" USING GIN ("body" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "articles_lead_image_id_idx" ON "articles"("lead_image_id");

-- CreateIndex
CREATE INDEX "media_images_renditions_ready_at_idx" ON "media_images"("renditions_ready_at");

-- AddForeignKey
ALTER TABLE "media_images" ADD CONSTRAINT "media_images_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_lead_image_id_fkey" FOREIGN KEY ("lead_image_id") REFERENCES "media_images"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
