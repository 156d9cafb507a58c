-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('CITY_HALL_UNIT', 'EXTERNAL_AGENCY', 'DISTRICT_OFFICE', 'SECOND_LEVEL_AGENCY', 'SECTION');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('PENDING_ACTIVATION', 'ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "AdSyncStatus" AS ENUM ('PENDING', 'SYNCED', 'FAILED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('SYSTEM_ADMIN', 'AGENCY_ADMIN');

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('ACCOUNT_APPLICATION', 'ACCOUNT_REACTIVATION', 'ADMIN_ROLE', 'AGENCY_CHANGE', 'ACCOUNT_DISABLE', 'IDLE_DISABLE', 'CONNECTIVITY_CHECK', 'VENUE_BOOKING', 'CAR_BOOKING', 'REPAIR_TICKET', 'INTEGRATION_APPLICATION', 'MAIL_ACCOUNT_APPLICATION');

-- CreateEnum
CREATE TYPE "LoginMethod" AS ENUM ('MOBILE_CERT', 'CITIZEN_CERT', 'OTP', 'TEMP_PASSWORD', 'PASSWORD', 'BACKUP_EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "LoginAction" AS ENUM ('LOGIN', 'LOGOUT', 'ACTIVATE', 'FORGOT_PASSWORD', 'CHANGE_PASSWORD');

-- CreateEnum
CREATE TYPE "LoginResult" AS ENUM ('SUCCESS', 'FAILURE');

-- CreateEnum
CREATE TYPE "OutboxChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ParameterType" AS ENUM ('INT', 'BOOL', 'STRING', 'DURATION');

-- CreateTable
CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT,
    "kind" "OrgKind" NOT NULL,
    "parent_id" TEXT,
    "agency_id" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "ad_ou" TEXT NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "account" VARCHAR(64) NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "office_phone" VARCHAR(32),
    "office_ext" VARCHAR(16),
    "backup_email" TEXT,
    "mobile" VARCHAR(20),
    "mobile_verified_at" TIMESTAMPTZ(3),
    "organization_id" TEXT NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'PENDING_ACTIVATION',
    "official_mail" BOOLEAN NOT NULL DEFAULT false,
    "national_id_cipher" BYTEA NOT NULL,
    "national_id_hash" CHAR(64) NOT NULL,
    "password_hash" TEXT,
    "password_changed_at" TIMESTAMPTZ(3),
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "login_count" INTEGER NOT NULL DEFAULT 0,
    "otp_secret_cipher" BYTEA,
    "otp_enabled_at" TIMESTAMPTZ(3),
    "citizen_cert_serial" TEXT,
    "citizen_cert_bound_at" TIMESTAMPTZ(3),
    "birthday" DATE,
    "residence_address" TEXT,
    "work_address" TEXT,
    "activated_at" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "disabled_reason" TEXT,
    "ad_sync_status" "AdSyncStatus" NOT NULL DEFAULT 'PENDING',
    "ad_synced_at" TIMESTAMPTZ(3),
    "ad_last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_avatars" (
    "user_id" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_avatars_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "backup_email_bindings" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "bound_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unbound_at" TIMESTAMPTZ(3),

    CONSTRAINT "backup_email_bindings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_assignments" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organization_id" TEXT,
    "granted_by_id" TEXT,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_history" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" CHAR(64) NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "requests" (
    "id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "type" "RequestType" NOT NULL,
    "status" TEXT NOT NULL,
    "status_label" TEXT NOT NULL,
    "status_seq" INTEGER NOT NULL DEFAULT 0,
    "agency_id" TEXT,
    "applicant_user_id" TEXT,
    "applicant_account" TEXT,
    "applicant_name" TEXT,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,

    CONSTRAINT "requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_events" (
    "id" UUID NOT NULL,
    "request_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "actor_user_id" TEXT,
    "actor_name" TEXT,
    "comment" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_records" (
    "id" UUID NOT NULL,
    "user_id" TEXT,
    "account" TEXT NOT NULL,
    "method" "LoginMethod" NOT NULL,
    "action" "LoginAction" NOT NULL,
    "result" "LoginResult" NOT NULL,
    "reason" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_records" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "channel" "OutboxChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "html" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "provider_message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "system_parameters" (
    "key" TEXT NOT NULL,
    "type" "ParameterType" NOT NULL,
    "value" TEXT NOT NULL,
    "default_value" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "unit" TEXT,
    "min" INTEGER,
    "max" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" TEXT,

    CONSTRAINT "system_parameters_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_code_key" ON "organizations"("code");

-- CreateIndex
CREATE INDEX "organizations_parent_id_sort_order_idx" ON "organizations"("parent_id", "sort_order");

-- CreateIndex
CREATE INDEX "organizations_agency_id_idx" ON "organizations"("agency_id");

-- CreateIndex
CREATE INDEX "organizations_kind_idx" ON "organizations"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "users_account_key" ON "users"("account");

-- CreateIndex
CREATE UNIQUE INDEX "users_backup_email_key" ON "users"("backup_email");

-- CreateIndex
CREATE UNIQUE INDEX "users_national_id_hash_key" ON "users"("national_id_hash");

-- CreateIndex
CREATE UNIQUE INDEX "users_citizen_cert_serial_key" ON "users"("citizen_cert_serial");

-- CreateIndex
CREATE INDEX "users_organization_id_status_idx" ON "users"("organization_id", "status");

-- CreateIndex
CREATE INDEX "users_status_last_login_at_idx" ON "users"("status", "last_login_at");

-- CreateIndex
CREATE INDEX "users_name_idx" ON "users"("name");

-- CreateIndex
CREATE INDEX "backup_email_bindings_email_idx" ON "backup_email_bindings"("email");

-- CreateIndex
CREATE INDEX "backup_email_bindings_user_id_idx" ON "backup_email_bindings"("user_id");

-- CreateIndex
CREATE INDEX "role_assignments_organization_id_role_idx" ON "role_assignments"("organization_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "role_assignments_user_id_role_organization_id_key" ON "role_assignments"("user_id", "role", "organization_id");

-- CreateIndex
CREATE INDEX "password_history_user_id_created_at_idx" ON "password_history"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "requests_workflow_id_key" ON "requests"("workflow_id");

-- CreateIndex
CREATE INDEX "requests_agency_id_status_created_at_idx" ON "requests"("agency_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "requests_type_status_created_at_idx" ON "requests"("type", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "requests_applicant_user_id_created_at_idx" ON "requests"("applicant_user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "requests_applicant_account_idx" ON "requests"("applicant_account");

-- CreateIndex
CREATE INDEX "requests_created_at_idx" ON "requests"("created_at" DESC);

-- CreateIndex
CREATE INDEX "request_events_actor_user_id_idx" ON "request_events"("actor_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "request_events_request_id_seq_key" ON "request_events"("request_id", "seq");

-- CreateIndex
CREATE INDEX "login_records_user_id_at_idx" ON "login_records"("user_id", "at" DESC);

-- CreateIndex
CREATE INDEX "login_records_account_at_idx" ON "login_records"("account", "at" DESC);

-- CreateIndex
CREATE INDEX "login_records_at_idx" ON "login_records"("at" DESC);

-- CreateIndex
CREATE INDEX "usage_records_user_id_at_idx" ON "usage_records"("user_id", "at" DESC);

-- CreateIndex
CREATE INDEX "usage_records_at_idx" ON "usage_records"("at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_key_key" ON "outbox_messages"("key");

-- CreateIndex
CREATE INDEX "outbox_messages_status_created_at_idx" ON "outbox_messages"("status", "created_at");

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_avatars" ADD CONSTRAINT "user_avatars_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backup_email_bindings" ADD CONSTRAINT "backup_email_bindings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_granted_by_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_applicant_user_id_fkey" FOREIGN KEY ("applicant_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_records" ADD CONSTRAINT "login_records_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "system_parameters" ADD CONSTRAINT "system_parameters_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- =============================================================================================
-- Hand-written SQL (not expressible in schema.prisma). Prisma's diff ignores CHECK constraints,
-- functions and triggers, so they cause no drift; the partial unique index is listed here too.
-- Kept in one place: prisma/migrations/<init>/migration.sql, below this line.
-- =============================================================================================

-- Accounts and e-mail addresses are stored lower-cased so plain unique indexes are
-- case-insensitive (the application normalises; these reject anything that slips through).
ALTER TABLE "users" ADD CONSTRAINT "users_account_lower_ck" CHECK ("account" = lower("account"));
ALTER TABLE "users" ADD CONSTRAINT "users_backup_email_lower_ck" CHECK ("backup_email" = lower("backup_email"));
ALTER TABLE "backup_email_bindings" ADD CONSTRAINT "backup_email_bindings_email_lower_ck" CHECK ("email" = lower("email"));
ALTER TABLE "users" ADD CONSTRAINT "users_login_count_ck" CHECK ("login_count" >= 0 AND "failed_login_count" >= 0);

-- An agency admin is always scoped to an organisation, a system admin never is.
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_scope_ck"
  CHECK (("role" = 'AGENCY_ADMIN') = ("organization_id" IS NOT NULL));
-- (user, role, organisation) is unique, but PostgreSQL treats NULLs as distinct: one SYSTEM_ADMIN
-- row per user needs its own index.
CREATE UNIQUE INDEX "role_assignments_system_admin_key" ON "role_assignments" ("user_id", "role")
  WHERE "organization_id" IS NULL;

-- organizations.agency_id: the agency a unit belongs to — itself unless it is a SECTION (or has no
-- parent), else its parent's agency. Same rule as agencyOf() in domain/org-tree.ts. Computed here
-- so that every writer (seed, 組織管理, SQL) keeps it right, including when a subtree moves.
CREATE FUNCTION "organizations_set_agency"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" <> 'SECTION' OR NEW."parent_id" IS NULL THEN
    NEW."agency_id" := NEW."id";
  ELSE
    SELECT "agency_id" INTO NEW."agency_id" FROM "organizations" WHERE "id" = NEW."parent_id";
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "organizations_set_agency"
  BEFORE INSERT OR UPDATE OF "parent_id", "kind", "agency_id" ON "organizations"
  FOR EACH ROW EXECUTE FUNCTION "organizations_set_agency"();

-- When a unit's agency changes, its sections follow (recursively: their own update fires this
-- again). Plain AFTER UPDATE, not UPDATE OF agency_id: a column-specific trigger ignores changes
-- made by a BEFORE trigger, which is how agency_id changes when a unit moves.
CREATE FUNCTION "organizations_propagate_agency"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "organizations" SET "agency_id" = NEW."agency_id"
   WHERE "parent_id" = NEW."id" AND "kind" = 'SECTION' AND "agency_id" IS DISTINCT FROM NEW."agency_id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "organizations_propagate_agency"
  AFTER UPDATE ON "organizations"
  FOR EACH ROW WHEN (OLD."agency_id" IS DISTINCT FROM NEW."agency_id")
  EXECUTE FUNCTION "organizations_propagate_agency"();

-- Login and usage records are evidence: append-only. UPDATE and DELETE raise an error
-- (SQLSTATE 55000 object_not_in_prerequisite_state). TRUNCATE stays possible for test resets and a
-- future retention job run by the owner.
CREATE FUNCTION "reject_append_only_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = '55000';
END
$$;
CREATE TRIGGER "login_records_append_only"
  BEFORE UPDATE OR DELETE ON "login_records"
  FOR EACH ROW EXECUTE FUNCTION "reject_append_only_change"();
CREATE TRIGGER "usage_records_append_only"
  BEFORE UPDATE OR DELETE ON "usage_records"
  FOR EACH ROW EXECUTE FUNCTION "reject_append_only_change"();
