-- The invoices list and the payables desk send one screen of a brand's invoices in list order (issue #18), but
-- with only (brand_id, status) to read them by, PostgreSQL sorted every invoice of the brand (12,500 for the big
-- bench brand at 10x) to keep 51. These match the two orders exactly (app/services/invoices/list-invoices.server.ts):
-- newest first (all, or one status) and oldest due first, undated last (one status: the desk, "to approve").
CREATE INDEX "invoices_brand_created_idx" ON "invoices" USING btree ("brand_id","created_at","id");
--> statement-breakpoint
CREATE INDEX "invoices_brand_status_created_idx" ON "invoices" USING btree ("brand_id","status","created_at","id");
--> statement-breakpoint
CREATE INDEX "invoices_brand_status_due_idx" ON "invoices" USING btree ("brand_id","status",(coalesce("due_date", 'infinity'::date)),"issue_date","id");
--> statement-breakpoint
-- The desk's totals and aging buckets of every approved (and submitted) invoice, read from the index alone.
CREATE INDEX "invoices_brand_status_totals_idx" ON "invoices" USING btree ("brand_id","status","due_date") INCLUDE ("currency","total_minor");
