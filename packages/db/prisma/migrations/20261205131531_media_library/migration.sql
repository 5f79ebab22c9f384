-- CreateTable
CREATE TABLE "media_images" (
    "id" SERIAL NOT NULL,
    "sha256" TEXT NOT NULL,
    "original_key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "focal_x" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "focal_y" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "caption_ar" TEXT,
    "caption_ru" TEXT,
    "caption_en" TEXT,
    "alt_ar" TEXT,
    "alt_ru" TEXT,
    "alt_en" TEXT,
    "photo_credit_id" INTEGER,
    "rendition_key" TEXT,
    "renditions_ready_at" TIMESTAMP(3),
    "uploaded_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "media_images_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "media_images_sha256_key" ON "media_images"("sha256");

-- CreateIndex
CREATE INDEX "media_images_created_at_idx" ON "media_images"("created_at");

-- AddForeignKey
ALTER TABLE "media_images" ADD CONSTRAINT "media_images_photo_credit_id_fkey" FOREIGN KEY ("photo_credit_id") REFERENCES "photo_credits"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_images" ADD CONSTRAINT "media_images_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
