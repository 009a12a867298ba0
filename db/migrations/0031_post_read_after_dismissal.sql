-- A "Not this one" no longer blocks the next proposal for the deliverable: at most one open read
-- (proposed or used) per deliverable, and a post once read for a deliverable (dismissed included) never twice.
DROP INDEX IF EXISTS "platform_post_reads_deliverable_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "platform_post_reads_deliverable_open_uq" ON "platform_post_reads" USING btree ("deliverable_id") WHERE "platform_post_reads"."status" <> 'dismissed';--> statement-breakpoint
CREATE UNIQUE INDEX "platform_post_reads_deliverable_external_uq" ON "platform_post_reads" USING btree ("deliverable_id","external_id");
