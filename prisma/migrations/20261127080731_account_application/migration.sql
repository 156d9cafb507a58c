-- CreateEnum
CREATE TYPE "VerificationPurpose" AS ENUM ('APPLY', 'AMEND', 'STATUS', 'ACTIVATE');

-- CreateEnum
CREATE TYPE "AccountApplicationStatus" AS ENUM ('PENDING', 'PROVISIONING', 'AWAITING_ACTIVATION', 'ACTIVE', 'REJECTED', 'EXPIRED');

-- CreateTable
CREATE TABLE "captchas" (
    "id" UUID NOT NULL,
    "answer_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "captchas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_verifications" (
    "id" UUID NOT NULL,
    "purpose" "VerificationPurpose" NOT NULL,
    "email" TEXT NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "delivered" BOOLEAN NOT NULL,
    "verified_at" TIMESTAMPTZ(3),
    "token_hash" CHAR(64),
    "token_expires_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_applications" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "status" "AccountApplicationStatus" NOT NULL DEFAULT 'PENDING',
    "national_id_cipher" BYTEA NOT NULL,
    "national_id_hash" CHAR(64) NOT NULL,
    "account" VARCHAR(64) NOT NULL,
    "need_official_mail" BOOLEAN NOT NULL,
    "official_mail_granted" BOOLEAN,
    "backup_email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "office_phone" VARCHAR(32) NOT NULL,
    "office_ext" VARCHAR(16),
    "remark" TEXT,
    "status_key_hash" CHAR(64) NOT NULL,
    "user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "secret_boxes" (
    "id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "cipher" BYTEA NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "secret_boxes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "captchas_expires_at_idx" ON "captchas"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "email_verifications_token_hash_key" ON "email_verifications"("token_hash");

-- CreateIndex
CREATE INDEX "email_verifications_email_purpose_created_at_idx" ON "email_verifications"("email", "purpose", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "account_applications_workflow_id_key" ON "account_applications"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_applications_user_id_key" ON "account_applications"("user_id");

-- CreateIndex
CREATE INDEX "account_applications_backup_email_idx" ON "account_applications"("backup_email");

-- CreateIndex
CREATE INDEX "account_applications_national_id_hash_idx" ON "account_applications"("national_id_hash");

-- CreateIndex
CREATE INDEX "account_applications_account_idx" ON "account_applications"("account");

-- CreateIndex
CREATE INDEX "secret_boxes_expires_at_idx" ON "secret_boxes"("expires_at");

-- AddForeignKey
ALTER TABLE "account_applications" ADD CONSTRAINT "account_applications_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_applications" ADD CONSTRAINT "account_applications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One open application per person: a second one while the first is undecided or not yet activated
-- is refused (NATIONAL_ID_IN_USE). Decided-and-closed ones (REJECTED, EXPIRED, ACTIVE) do not count.
CREATE UNIQUE INDEX "account_applications_open_national_id_key"
  ON "account_applications" ("national_id_hash")
  WHERE "status" IN ('PENDING', 'PROVISIONING', 'AWAITING_ACTIVATION');
