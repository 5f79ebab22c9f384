-- CreateTable
CREATE TABLE "sign_in_link_attempts" (
    "id" BIGSERIAL NOT NULL,
    "address" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sign_in_link_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_in_link_attempts_address_at_idx" ON "sign_in_link_attempts"("address", "at");

-- CreateIndex
CREATE INDEX "sign_in_link_attempts_at_idx" ON "sign_in_link_attempts"("at");

-- CreateIndex
CREATE INDEX "login_attempts_at_idx" ON "login_attempts"("at");
