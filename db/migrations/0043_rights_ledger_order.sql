-- The usage-rights ledger loaded every licence of the brand, with four joins, and worked out each one's status
-- in JavaScript on every view (issue #18: its cost grew with the brand's history). It now pages in SQL
-- (app/services/contracts/list-rights.server.ts): the status is the domain's rule as SQL (rightsStatusSql in
-- app/services/contracts/rights-sql.server.ts), over "today" worked out in JavaScript for each of the brand's few time zones.
--
-- A perpetual licence has no end day, and a licence with no end day is perpetual: the app has always written
-- them so (apply-rights-from-contract). A row that disagreed read as perpetual; it is written so here, and a
-- CHECK keeps it so, which lets the perpetual group be read from the index by "no end day".
UPDATE "rights_items" SET "ends_on" = NULL, "perpetual" = true WHERE "perpetual" OR "ends_on" IS NULL;
--> statement-breakpoint
ALTER TABLE "rights_items" ADD CONSTRAINT "rights_items_perpetual_ck" CHECK ("perpetual" = ("ends_on" IS NULL));
--> statement-breakpoint
-- The ledger's order within a status is end day then id; the counts per status read this index alone (its
-- included columns are all the status needs), so counting never touches the table.
DROP INDEX IF EXISTS "rights_items_brand_ends_idx";
--> statement-breakpoint
CREATE INDEX "rights_items_brand_ends_idx" ON "rights_items" USING btree ("brand_id", "ends_on", "id") INCLUDE ("starts_on", "time_zone");
--> statement-breakpoint
-- Not started yet: licences that begin after today (with what their status needs, so the table is not read).
CREATE INDEX "rights_items_brand_starts_idx" ON "rights_items" USING btree ("brand_id", "starts_on") INCLUDE ("ends_on", "time_zone", "id");
--> statement-breakpoint
-- The brand's distinct time zones, read by skipping along this index (a handful of steps, whatever the count).
CREATE INDEX "rights_items_brand_zone_idx" ON "rights_items" USING btree ("brand_id", "time_zone");
--> statement-breakpoint
-- An offer's licences: where its extension form goes, and what an extension moves.
CREATE INDEX "rights_items_offer_idx" ON "rights_items" USING btree ("offer_id");
