-- 代理人設定: an approver's deputy for a period (個人帳號管理 › 代理人設定).

-- CreateTable
CREATE TABLE "delegations" (
    "id" TEXT NOT NULL,
    "principal_id" TEXT NOT NULL,
    "deputy_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "delegations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "delegations_deputy_id_ends_at_idx" ON "delegations"("deputy_id", "ends_at");

-- CreateIndex
CREATE INDEX "delegations_principal_id_ends_at_idx" ON "delegations"("principal_id", "ends_at");

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_principal_id_fkey" FOREIGN KEY ("principal_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_deputy_id_fkey" FOREIGN KEY ("deputy_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a period ends after it starts, and nobody deputises for themselves.
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_period_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_not_self_check" CHECK ("deputy_id" <> "principal_id");
