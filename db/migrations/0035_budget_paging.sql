-- The budget page (issue #18, app/services/budget/get-budget.server.ts) reads one screen of campaigns,
-- newest first, from a keyset cursor: without this index each page sorted every campaign of the brand.
CREATE INDEX "campaigns_brand_created_idx" ON "campaigns" USING btree ("brand_id","created_at","id");
--> statement-breakpoint
-- Its non-fee ledger entries, one keyset screen at a time newest first: one index range, not every entry of the brand sorted.
CREATE INDEX "cost_entries_brand_recent_idx" ON "cost_entries" USING btree ("brand_id","created_at" DESC,"id" DESC) WHERE "cost_entries"."kind" <> 'fee';
