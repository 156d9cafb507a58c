-- CreateEnum
CREATE TYPE "AdDriftKind" AS ENUM ('MISSING_IN_AD', 'ENABLED_MISMATCH', 'OU_MISMATCH', 'ATTRIBUTE_MISMATCH', 'ADMIN_GROUP_MISMATCH', 'UNMANAGED_IN_AD');

-- CreateTable
CREATE TABLE "ad_drifts" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "user_id" TEXT,
    "account" VARCHAR(64) NOT NULL,
    "kind" "AdDriftKind" NOT NULL,
    "field" VARCHAR(64) NOT NULL DEFAULT '',
    "db_value" TEXT,
    "ad_value" TEXT,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "repaired_at" TIMESTAMPTZ(3),
    "repaired_by_id" TEXT,
    "repaired_by_name" TEXT,
    "repair_error" TEXT,

    CONSTRAINT "ad_drifts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ad_drifts_user_id_idx" ON "ad_drifts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "ad_drifts_workflow_id_account_kind_field_key" ON "ad_drifts"("workflow_id", "account", "kind", "field");
