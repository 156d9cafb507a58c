-- 重複借用: bookings asked together (每週 / 每月 for N occurrences) share a series key.

-- AlterTable
ALTER TABLE "bookings" ADD COLUMN     "series_index" INTEGER,
ADD COLUMN     "series_key" TEXT;

-- CreateIndex
CREATE INDEX "bookings_series_key_idx" ON "bookings"("series_key");
