-- CreateEnum
CREATE TYPE "IntegrationSystemStatus" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "IdentityPurpose" AS ENUM ('LOGIN', 'ACTIVATE', 'RESET_PASSWORD', 'BIND', 'VERIFY');

-- CreateEnum
CREATE TYPE "MobileCertStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED', 'FAILED');

-- CreateEnum
CREATE TYPE "SmsPurpose" AS ENUM ('BIND_MOBILE', 'RESET_PASSWORD');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "VerificationPurpose" ADD VALUE 'RESET_PASSWORD';
ALTER TYPE "VerificationPurpose" ADD VALUE 'TEMP_PASSWORD';
ALTER TYPE "VerificationPurpose" ADD VALUE 'BIND';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "citizen_cert_not_after" TIMESTAMPTZ(3),
ADD COLUMN     "citizen_cert_subject" TEXT,
ADD COLUMN     "otp_last_step" INTEGER,
ADD COLUMN     "password_change_note" TEXT,
ADD COLUMN     "password_changed_by" TEXT;

-- CreateTable
CREATE TABLE "oidc_payloads" (
    "type" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "grant_id" TEXT,
    "user_code" TEXT,
    "uid" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "consumed_at" TIMESTAMPTZ(3),

    CONSTRAINT "oidc_payloads_pkey" PRIMARY KEY ("type","id")
);

-- CreateTable
CREATE TABLE "oidc_signing_keys" (
    "kid" TEXT NOT NULL,
    "alg" TEXT NOT NULL,
    "private_jwk_cipher" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "oidc_signing_keys_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "integration_systems" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret_cipher" BYTEA NOT NULL,
    "status" "IntegrationSystemStatus" NOT NULL DEFAULT 'ACTIVE',
    "first_party" BOOLEAN NOT NULL DEFAULT false,
    "redirect_uris" TEXT[],
    "post_logout_redirect_uris" TEXT[],
    "scopes" TEXT[],
    "verify_api_enabled" BOOLEAN NOT NULL DEFAULT false,
    "allowed_cidrs" TEXT[],
    "redirect_login_url" TEXT,
    "redirect_login_param" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "integration_systems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "redirect_login_assertions" (
    "jti" TEXT NOT NULL,
    "system_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "redirect_login_assertions_pkey" PRIMARY KEY ("jti")
);

-- CreateTable
CREATE TABLE "mobile_cert_transactions" (
    "id" UUID NOT NULL,
    "purpose" "IdentityPurpose" NOT NULL,
    "national_id_hash" CHAR(64) NOT NULL,
    "moi_transaction_id" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'PUSH',
    "status" "MobileCertStatus" NOT NULL DEFAULT 'PENDING',
    "result_detail" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mobile_cert_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cert_challenges" (
    "id" UUID NOT NULL,
    "purpose" "IdentityPurpose" NOT NULL,
    "nonce" TEXT NOT NULL,
    "user_id" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cert_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "temporary_passwords" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "temporary_passwords_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_verifications" (
    "id" UUID NOT NULL,
    "purpose" "SmsPurpose" NOT NULL,
    "mobile" VARCHAR(20) NOT NULL,
    "user_id" TEXT,
    "code_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "delivered" BOOLEAN NOT NULL,
    "verified_at" TIMESTAMPTZ(3),
    "token_hash" CHAR(64),
    "token_expires_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_proofs" (
    "id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "purpose" "IdentityPurpose" NOT NULL,
    "method" "LoginMethod" NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identity_proofs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "oidc_payloads_grant_id_idx" ON "oidc_payloads"("grant_id");

-- CreateIndex
CREATE INDEX "oidc_payloads_uid_idx" ON "oidc_payloads"("uid");

-- CreateIndex
CREATE INDEX "oidc_payloads_user_code_idx" ON "oidc_payloads"("user_code");

-- CreateIndex
CREATE INDEX "oidc_payloads_expires_at_idx" ON "oidc_payloads"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "integration_systems_client_id_key" ON "integration_systems"("client_id");

-- CreateIndex
CREATE INDEX "redirect_login_assertions_expires_at_idx" ON "redirect_login_assertions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "mobile_cert_transactions_moi_transaction_id_key" ON "mobile_cert_transactions"("moi_transaction_id");

-- CreateIndex
CREATE INDEX "mobile_cert_transactions_national_id_hash_created_at_idx" ON "mobile_cert_transactions"("national_id_hash", "created_at" DESC);

-- CreateIndex
CREATE INDEX "cert_challenges_expires_at_idx" ON "cert_challenges"("expires_at");

-- CreateIndex
CREATE INDEX "temporary_passwords_user_id_created_at_idx" ON "temporary_passwords"("user_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "sms_verifications_token_hash_key" ON "sms_verifications"("token_hash");

-- CreateIndex
CREATE INDEX "sms_verifications_mobile_purpose_created_at_idx" ON "sms_verifications"("mobile", "purpose", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "identity_proofs_token_hash_key" ON "identity_proofs"("token_hash");

-- AddForeignKey
ALTER TABLE "temporary_passwords" ADD CONSTRAINT "temporary_passwords_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_proofs" ADD CONSTRAINT "identity_proofs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
