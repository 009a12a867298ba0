-- The brand home reads its at-risk list in one statement (issue #18, app/services/brands/get-at-risk.server.ts).
-- Without these, "no tracked link or promo code" walked offers_pkey over every brand's offers and probed
-- promo_codes by a sequential scan per collaboration, and "draft due" filtered all of a brand's deliverables.
CREATE INDEX "offers_brand_status_idx" ON "offers" USING btree ("brand_id","status");
--> statement-breakpoint
CREATE INDEX "promo_codes_offer_idx" ON "promo_codes" USING btree ("offer_id");
--> statement-breakpoint
CREATE INDEX "deliverables_brand_status_draft_due_idx" ON "deliverables" USING btree ("brand_id","status","draft_due_on");
