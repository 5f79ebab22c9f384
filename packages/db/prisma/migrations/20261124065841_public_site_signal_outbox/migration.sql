-- CreateTable
CREATE TABLE "pending_site_signals" (
    "article_id" INTEGER NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failed_at" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "next_attempt_at" TIMESTAMP(3) NOT NULL,
    "last_error" TEXT NOT NULL,

    CONSTRAINT "pending_site_signals_pkey" PRIMARY KEY ("article_id")
);

-- CreateIndex
CREATE INDEX "pending_site_signals_next_attempt_at_idx" ON "pending_site_signals"("next_attempt_at");
