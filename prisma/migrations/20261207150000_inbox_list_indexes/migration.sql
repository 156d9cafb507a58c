-- Console inbox lists at city scale (docs/decisions/0006-inbox-lists-at-city-scale.md): indexes shaped
-- like api/routes/console/inbox.ts's queries — equality on type (and agency), newest first with
-- (created_at, id) as the keyset — so a page or a capped count reads a page's worth of index entries
-- however many requests the city has.

-- CreateIndex
CREATE INDEX "requests_type_agency_id_created_at_id_idx" ON "requests"("type", "agency_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "requests_type_created_at_id_idx" ON "requests"("type", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "requests_applicant_name_idx" ON "requests"("applicant_name");

-- =============================================================================================
-- Hand-written (schema.prisma cannot express a partial index): 待審核 is a sliver of the rows and
-- 已審核 nearly all of them, so each status filter has its own index holding only its rows — the
-- 待審核 page never steps over decided rows, and both capped counts are index-only scans.
-- =============================================================================================
CREATE INDEX "requests_inbox_agency_pending_idx" ON "requests" ("type", "agency_id", "created_at" DESC, "id" DESC)
  WHERE "status" = 'PENDING';
CREATE INDEX "requests_inbox_agency_decided_idx" ON "requests" ("type", "agency_id", "created_at" DESC, "id" DESC)
  WHERE "status" <> 'PENDING';
CREATE INDEX "requests_inbox_pending_idx" ON "requests" ("type", "created_at" DESC, "id" DESC)
  WHERE "status" = 'PENDING';
CREATE INDEX "requests_inbox_decided_idx" ON "requests" ("type", "created_at" DESC, "id" DESC)
  WHERE "status" <> 'PENDING';
