-- Bearer values bound to the browser they were issued to (api/auth/client-binding.ts): HMAC of its cookie.
-- Rows issued before this migration have none and are refused; they live 30 minutes at most.
ALTER TABLE "email_verifications" ADD COLUMN "client_hash" CHAR(64),
ADD COLUMN "spent_at" TIMESTAMPTZ(3);
ALTER TABLE "identity_proofs" ADD COLUMN "client_hash" CHAR(64);
ALTER TABLE "sms_verifications" ADD COLUMN "client_hash" CHAR(64);
ALTER TABLE "captchas" ADD COLUMN "client_hash" CHAR(64);
ALTER TABLE "mobile_cert_transactions" ADD COLUMN "client_hash" CHAR(64);
ALTER TABLE "temporary_passwords" ADD COLUMN "client_hash" CHAR(64);
