-- CreateEnum
CREATE TYPE "RepairStatus" AS ENUM ('PENDING', 'HANDLED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RepairReplyKind" AS ENUM ('REPLY', 'RETURN', 'RATING', 'AUTO_CLOSE');

-- AlterTable
ALTER TABLE "custodian_changes" ADD COLUMN     "repair_type_id" TEXT,
ALTER COLUMN "resource_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "locations" ADD COLUMN     "floors" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "repair_type_id" TEXT;

-- CreateTable
CREATE TABLE "repair_types" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "agency_id" TEXT NOT NULL,
    "audience" "BookingAudience" NOT NULL,
    "custodian1_id" TEXT NOT NULL,
    "custodian2_id" TEXT,
    "reply_target_hours" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "repair_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repair_type_agencies" (
    "repair_type_id" TEXT NOT NULL,
    "agency_id" TEXT NOT NULL,

    CONSTRAINT "repair_type_agencies_pkey" PRIMARY KEY ("repair_type_id","agency_id")
);

-- CreateTable
CREATE TABLE "repair_vendors" (
    "repair_type_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "repair_vendors_pkey" PRIMARY KEY ("repair_type_id","user_id")
);

-- CreateTable
CREATE TABLE "repair_categories" (
    "id" TEXT NOT NULL,
    "repair_type_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "repair_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repair_tickets" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "repair_type_id" TEXT NOT NULL,
    "reporter_user_id" TEXT NOT NULL,
    "agency_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "reporter_name" TEXT NOT NULL,
    "office_phone" TEXT,
    "location_id" TEXT NOT NULL,
    "floor" TEXT NOT NULL,
    "fault" TEXT NOT NULL,
    "status" "RepairStatus" NOT NULL DEFAULT 'PENDING',
    "return_count" INTEGER NOT NULL DEFAULT 0,
    "rating" INTEGER,
    "rating_note" TEXT,
    "first_replied_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "auto_closed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "repair_tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repair_replies" (
    "id" UUID NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "RepairReplyKind" NOT NULL,
    "author_user_id" TEXT,
    "author_name" TEXT,
    "handler_name" TEXT,
    "handled_at" TIMESTAMPTZ(3),
    "result" TEXT,
    "category_id" TEXT,
    "category_name" TEXT,
    "reason" TEXT,
    "rating" INTEGER,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "repair_replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repair_attachments" (
    "id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "repair_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "repair_types_agency_id_idx" ON "repair_types"("agency_id");

-- CreateIndex
CREATE INDEX "repair_types_custodian1_id_idx" ON "repair_types"("custodian1_id");

-- CreateIndex
CREATE INDEX "repair_types_custodian2_id_idx" ON "repair_types"("custodian2_id");

-- CreateIndex
CREATE INDEX "repair_type_agencies_agency_id_idx" ON "repair_type_agencies"("agency_id");

-- CreateIndex
CREATE INDEX "repair_vendors_user_id_idx" ON "repair_vendors"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "repair_categories_repair_type_id_name_key" ON "repair_categories"("repair_type_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "repair_tickets_key_key" ON "repair_tickets"("key");

-- CreateIndex
CREATE INDEX "repair_tickets_repair_type_id_created_at_idx" ON "repair_tickets"("repair_type_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "repair_tickets_reporter_user_id_created_at_idx" ON "repair_tickets"("reporter_user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "repair_tickets_status_created_at_idx" ON "repair_tickets"("status", "created_at");

-- CreateIndex
CREATE INDEX "repair_replies_category_id_idx" ON "repair_replies"("category_id");

-- CreateIndex
CREATE UNIQUE INDEX "repair_replies_ticket_id_seq_key" ON "repair_replies"("ticket_id", "seq");

-- CreateIndex
CREATE INDEX "repair_attachments_ticket_id_created_at_idx" ON "repair_attachments"("ticket_id", "created_at");

-- CreateIndex
CREATE INDEX "custodian_changes_repair_type_id_changed_at_idx" ON "custodian_changes"("repair_type_id", "changed_at" DESC);

-- CreateIndex
CREATE INDEX "requests_type_repair_type_id_created_at_id_idx" ON "requests"("type", "repair_type_id", "created_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_repair_type_id_fkey" FOREIGN KEY ("repair_type_id") REFERENCES "repair_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custodian_changes" ADD CONSTRAINT "custodian_changes_repair_type_id_fkey" FOREIGN KEY ("repair_type_id") REFERENCES "repair_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_types" ADD CONSTRAINT "repair_types_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_types" ADD CONSTRAINT "repair_types_custodian1_id_fkey" FOREIGN KEY ("custodian1_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_types" ADD CONSTRAINT "repair_types_custodian2_id_fkey" FOREIGN KEY ("custodian2_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_type_agencies" ADD CONSTRAINT "repair_type_agencies_repair_type_id_fkey" FOREIGN KEY ("repair_type_id") REFERENCES "repair_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_type_agencies" ADD CONSTRAINT "repair_type_agencies_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_vendors" ADD CONSTRAINT "repair_vendors_repair_type_id_fkey" FOREIGN KEY ("repair_type_id") REFERENCES "repair_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_vendors" ADD CONSTRAINT "repair_vendors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_categories" ADD CONSTRAINT "repair_categories_repair_type_id_fkey" FOREIGN KEY ("repair_type_id") REFERENCES "repair_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_tickets" ADD CONSTRAINT "repair_tickets_repair_type_id_fkey" FOREIGN KEY ("repair_type_id") REFERENCES "repair_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_tickets" ADD CONSTRAINT "repair_tickets_reporter_user_id_fkey" FOREIGN KEY ("reporter_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_tickets" ADD CONSTRAINT "repair_tickets_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_tickets" ADD CONSTRAINT "repair_tickets_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_tickets" ADD CONSTRAINT "repair_tickets_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_replies" ADD CONSTRAINT "repair_replies_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "repair_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_replies" ADD CONSTRAINT "repair_replies_author_user_id_fkey" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_replies" ADD CONSTRAINT "repair_replies_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "repair_categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair_attachments" ADD CONSTRAINT "repair_attachments_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "repair_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A custodian change belongs to exactly one thing: a venue, car or driver, or a 報修類型.
ALTER TABLE "custodian_changes" ADD CONSTRAINT "custodian_changes_one_subject"
  CHECK (num_nonnulls("resource_id", "repair_type_id") = 1);

-- 評分 is 1 to 5.
ALTER TABLE "repair_tickets" ADD CONSTRAINT "repair_tickets_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "repair_replies" ADD CONSTRAINT "repair_replies_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "repair_tickets" ADD CONSTRAINT "repair_tickets_return_count" CHECK ("return_count" >= 0);

-- 所在樓層 offered by 新增報修 at the seeded 所在地.
UPDATE "locations" SET "floors" = ARRAY['B2','B1','1','2','3','4','5','6','7','8','9','10'] WHERE "id" = 'loc-minzhi';
UPDATE "locations" SET "floors" = ARRAY['B1','1','2','3','4','5','6','7','8','9','10','11','12','13'] WHERE "id" = 'loc-yonghua';
UPDATE "locations" SET "floors" = ARRAY['B1','1','2','3','4','5'] WHERE "id" IN ('loc-xinying', 'loc-madou', 'loc-shanhua');
