-- 物品管理 and 線上申請作業: venues, official cars and drivers (resources), their bookings and calendar feeds.

-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('VENUE', 'CAR', 'DRIVER');

-- CreateEnum
CREATE TYPE "BookingAudience" AS ENUM ('CITY', 'OWN_AGENCY', 'OWN_AND_LISTED');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('WAITLISTED', 'PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED');

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "resource_id" TEXT;

-- CreateTable
CREATE TABLE "locations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "locations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resources" (
    "id" TEXT NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "location_id" TEXT NOT NULL,
    "agency_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "floor" TEXT,
    "capacity" INTEGER,
    "vehicle_type" TEXT,
    "make" TEXT,
    "year" INTEGER,
    "displacement" INTEGER,
    "car_code" TEXT,
    "licence" TEXT,
    "phone" TEXT,
    "phone_ext" TEXT,
    "description" TEXT,
    "rules" TEXT,
    "remarks" TEXT,
    "open_hours" JSONB NOT NULL,
    "is_public" BOOLEAN NOT NULL,
    "audience" "BookingAudience" NOT NULL,
    "custodian1_id" TEXT NOT NULL,
    "custodian2_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "resources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resource_allowed_agencies" (
    "resource_id" TEXT NOT NULL,
    "agency_id" TEXT NOT NULL,

    CONSTRAINT "resource_allowed_agencies_pkey" PRIMARY KEY ("resource_id","agency_id")
);

-- CreateTable
CREATE TABLE "car_drivers" (
    "car_id" TEXT NOT NULL,
    "driver_id" TEXT NOT NULL,

    CONSTRAINT "car_drivers_pkey" PRIMARY KEY ("car_id","driver_id")
);

-- CreateTable
CREATE TABLE "resource_photos" (
    "id" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resource_photos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "custodian_changes" (
    "id" UUID NOT NULL,
    "resource_id" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "from_user_id" TEXT,
    "from_name" TEXT,
    "to_user_id" TEXT,
    "to_name" TEXT,
    "reason" TEXT NOT NULL,
    "changed_by_id" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "custodian_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bookings" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "resource_id" TEXT NOT NULL,
    "driver_id" TEXT,
    "self_drive" BOOLEAN NOT NULL DEFAULT false,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "BookingStatus" NOT NULL,
    "applicant_user_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "agency_id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "phone_ext" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "host" TEXT,
    "reason" TEXT NOT NULL,
    "destination" TEXT,
    "review_comment" TEXT,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "cancelled_by_id" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "user_id" TEXT NOT NULL,
    "resource_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "locations_name_key" ON "locations"("name");

-- CreateIndex
CREATE INDEX "resources_kind_agency_id_idx" ON "resources"("kind", "agency_id");

-- CreateIndex
CREATE INDEX "resources_kind_location_id_idx" ON "resources"("kind", "location_id");

-- CreateIndex
CREATE INDEX "resources_custodian1_id_idx" ON "resources"("custodian1_id");

-- CreateIndex
CREATE INDEX "resources_custodian2_id_idx" ON "resources"("custodian2_id");

-- CreateIndex
CREATE INDEX "resource_allowed_agencies_agency_id_idx" ON "resource_allowed_agencies"("agency_id");

-- CreateIndex
CREATE INDEX "car_drivers_driver_id_idx" ON "car_drivers"("driver_id");

-- CreateIndex
CREATE INDEX "resource_photos_resource_id_created_at_idx" ON "resource_photos"("resource_id", "created_at");

-- CreateIndex
CREATE INDEX "custodian_changes_resource_id_changed_at_idx" ON "custodian_changes"("resource_id", "changed_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "bookings_key_key" ON "bookings"("key");

-- CreateIndex
CREATE UNIQUE INDEX "bookings_workflow_id_key" ON "bookings"("workflow_id");

-- CreateIndex
CREATE INDEX "bookings_resource_id_starts_at_idx" ON "bookings"("resource_id", "starts_at");

-- CreateIndex
CREATE INDEX "bookings_driver_id_starts_at_idx" ON "bookings"("driver_id", "starts_at");

-- CreateIndex
CREATE INDEX "bookings_applicant_user_id_kind_starts_at_idx" ON "bookings"("applicant_user_id", "kind", "starts_at" DESC);

-- CreateIndex
CREATE INDEX "bookings_resource_id_status_created_at_idx" ON "bookings"("resource_id", "status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"("token_hash");

-- CreateIndex
CREATE INDEX "calendar_feeds_user_id_idx" ON "calendar_feeds"("user_id");

-- CreateIndex
CREATE INDEX "requests_type_resource_id_created_at_id_idx" ON "requests"("type", "resource_id", "created_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_custodian1_id_fkey" FOREIGN KEY ("custodian1_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_custodian2_id_fkey" FOREIGN KEY ("custodian2_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_allowed_agencies" ADD CONSTRAINT "resource_allowed_agencies_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_allowed_agencies" ADD CONSTRAINT "resource_allowed_agencies_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "car_drivers" ADD CONSTRAINT "car_drivers_car_id_fkey" FOREIGN KEY ("car_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "car_drivers" ADD CONSTRAINT "car_drivers_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_photos" ADD CONSTRAINT "resource_photos_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custodian_changes" ADD CONSTRAINT "custodian_changes_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custodian_changes" ADD CONSTRAINT "custodian_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "resources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_applicant_user_id_fkey" FOREIGN KEY ("applicant_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: two pending-or-approved bookings of one venue or car, or of one driver, never overlap
-- ([start, end) ranges: a booking ending at 12:00 and one starting at 12:00 do not). The database
-- refuses the second (SQLSTATE 23P01), however many requests race for the slot.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_period_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_resource_no_overlap"
  EXCLUDE USING gist ("resource_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('PENDING', 'APPROVED'));
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_driver_no_overlap"
  EXCLUDE USING gist ("driver_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('PENDING', 'APPROVED') AND "driver_id" IS NOT NULL);
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_headcount_check" CHECK ("headcount" >= 0);
ALTER TABLE "custodian_changes" ADD CONSTRAINT "custodian_changes_slot_check" CHECK ("slot" IN (1, 2));
ALTER TABLE "resources" ADD CONSTRAINT "resources_custodians_differ_check" CHECK ("custodian2_id" IS NULL OR "custodian2_id" <> "custodian1_id");

-- 所在地: the city's civic centres and the places bookable resources stand.
INSERT INTO "locations" ("id", "name", "sort_order") VALUES
  ('loc-minzhi', '民治市政中心', 1),
  ('loc-yonghua', '永華市政中心', 2),
  ('loc-xinying', '新營區', 3),
  ('loc-madou', '麻豆區', 4),
  ('loc-shanhua', '善化區', 5);
