-- Issue #21: a tracked link per deliverable, so a reel's link says utm_source=instagram and a TikTok's
-- says tiktok. deliverable_id NULL is the older link for the whole collaboration (one per offer, still
-- redirecting as before); a deliverable has at most one link.
ALTER TABLE "tracking_links" ADD COLUMN "deliverable_id" text;--> statement-breakpoint
ALTER TABLE "tracking_links" ADD CONSTRAINT "tracking_links_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
DROP INDEX IF EXISTS "tracking_links_offer_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_links_offer_uq" ON "tracking_links" USING btree ("offer_id") WHERE "deliverable_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_links_deliverable_uq" ON "tracking_links" USING btree ("deliverable_id");--> statement-breakpoint
CREATE INDEX "tracking_links_offer_idx" ON "tracking_links" USING btree ("offer_id");
