-- CreateEnum
CREATE TYPE "IntegrationServiceKind" AS ENUM ('SSO', 'VERIFY', 'REDIRECT', 'SMS');

-- CreateEnum
CREATE TYPE "IntegrationServiceStatus" AS ENUM ('PENDING', 'RETURNED', 'ACTIVE', 'REJECTED', 'REVOKED');

-- CreateEnum
CREATE TYPE "IntegrationAction" AS ENUM ('APPLY', 'ROTATE', 'REVOKE');

-- CreateEnum
CREATE TYPE "SmsMessageStatus" AS ENUM ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'REJECTED');

-- AlterEnum
ALTER TYPE "IntegrationSystemStatus" ADD VALUE 'REVOKED';

-- AlterTable
ALTER TABLE "integration_systems" ADD COLUMN     "previous_secret_cipher" BYTEA,
ADD COLUMN     "previous_secret_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "service_id" UUID,
ADD COLUMN     "sms_monthly_quota" INTEGER,
ADD COLUMN     "sms_per_minute" INTEGER,
ADD COLUMN     "sms_sender_name" VARCHAR(20);

-- CreateTable
CREATE TABLE "application_systems" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "short_name" VARCHAR(30),
    "agency_id" TEXT NOT NULL,
    "contact_name" VARCHAR(50) NOT NULL,
    "contact_phone" VARCHAR(30) NOT NULL,
    "contact_email" VARCHAR(254) NOT NULL,
    "vendor_name" VARCHAR(100) NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "production_ips" TEXT[],
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_systems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_services" (
    "id" UUID NOT NULL,
    "system_id" UUID NOT NULL,
    "kind" "IntegrationServiceKind" NOT NULL,
    "status" "IntegrationServiceStatus" NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "integration_services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_applications" (
    "id" UUID NOT NULL,
    "key" VARCHAR(32) NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "system_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "kind" "IntegrationServiceKind" NOT NULL,
    "action" "IntegrationAction" NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "form" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "applicant_id" TEXT NOT NULL,
    "review_comment" VARCHAR(500),
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "integration_applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_redirect_agencies" (
    "integration_system_id" TEXT NOT NULL,
    "agency_id" TEXT NOT NULL,

    CONSTRAINT "integration_redirect_agencies_pkey" PRIMARY KEY ("integration_system_id","agency_id")
);

-- CreateTable
CREATE TABLE "credential_reveals" (
    "id" UUID NOT NULL,
    "integration_system_id" TEXT NOT NULL,
    "application_id" UUID NOT NULL,
    "secret_cipher" BYTEA,
    "revealed_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credential_reveals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_messages" (
    "id" UUID NOT NULL,
    "integration_system_id" TEXT NOT NULL,
    "idempotency_key" VARCHAR(100) NOT NULL,
    "recipient_cipher" BYTEA NOT NULL,
    "recipient_masked" VARCHAR(16) NOT NULL,
    "body" VARCHAR(1000) NOT NULL,
    "status" "SmsMessageStatus" NOT NULL DEFAULT 'QUEUED',
    "provider_message_id" VARCHAR(64),
    "provider_status" VARCHAR(16),
    "failure_reason" VARCHAR(200),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "sms_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "application_systems_agency_id_name_idx" ON "application_systems"("agency_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "integration_services_system_id_kind_key" ON "integration_services"("system_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "integration_applications_key_key" ON "integration_applications"("key");

-- CreateIndex
CREATE UNIQUE INDEX "integration_applications_workflow_id_key" ON "integration_applications"("workflow_id");

-- CreateIndex
CREATE INDEX "integration_applications_system_id_created_at_idx" ON "integration_applications"("system_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "integration_redirect_agencies_agency_id_idx" ON "integration_redirect_agencies"("agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "credential_reveals_application_id_key" ON "credential_reveals"("application_id");

-- CreateIndex
CREATE INDEX "sms_messages_integration_system_id_created_at_idx" ON "sms_messages"("integration_system_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sms_messages_integration_system_id_idempotency_key_key" ON "sms_messages"("integration_system_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "integration_systems_service_id_key" ON "integration_systems"("service_id");

-- AddForeignKey
ALTER TABLE "integration_systems" ADD CONSTRAINT "integration_systems_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "integration_services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_systems" ADD CONSTRAINT "application_systems_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_systems" ADD CONSTRAINT "application_systems_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_services" ADD CONSTRAINT "integration_services_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "application_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_applications" ADD CONSTRAINT "integration_applications_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "application_systems"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_applications" ADD CONSTRAINT "integration_applications_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "integration_services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_applications" ADD CONSTRAINT "integration_applications_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_redirect_agencies" ADD CONSTRAINT "integration_redirect_agencies_integration_system_id_fkey" FOREIGN KEY ("integration_system_id") REFERENCES "integration_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_redirect_agencies" ADD CONSTRAINT "integration_redirect_agencies_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credential_reveals" ADD CONSTRAINT "credential_reveals_integration_system_id_fkey" FOREIGN KEY ("integration_system_id") REFERENCES "integration_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_integration_system_id_fkey" FOREIGN KEY ("integration_system_id") REFERENCES "integration_systems"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
