-- The usage-rights ledger's counts per status (migration 0043 pages it in SQL) counted every licence of the brand
-- on each view, and most of a brand's licences are its history: expired, or perpetual. They now read kept
-- totals per brand, dated and perpetual, and count only the current licences
-- (app/services/contracts/list-rights.server.ts): ending and active ones from an index range per time zone,
-- licences not started yet from the start-day index; what is left of the dated total is expired, of the
-- perpetual total perpetual. A statement-level trigger on rights_items adds what each statement changed
-- (its new rows minus its old ones), in the same transaction; never written by the app.
-- tests/integration/rights-counts-drift.test.ts recomputes it from scratch after random sequences of changes.
CREATE TABLE "rights_counts" (
	"brand_id" text NOT NULL,
	"perpetual" boolean NOT NULL,
	"items" integer NOT NULL,
	CONSTRAINT "rights_counts_pk" PRIMARY KEY ("brand_id","perpetual")
);
--> statement-breakpoint
-- Adds signed licences (+1 new, -1 old) to their brand's rows, in key order. A row at 0 stays (two per brand at
-- most): deleting it could race a transaction adding to it.
CREATE FUNCTION rights_counts_add(d jsonb) RETURNS void LANGUAGE sql AS $$
INSERT INTO rights_counts AS s (brand_id, perpetual, items)
SELECT x.brand_id, x.perpetual, sum(x.sign)
FROM jsonb_to_recordset(d) AS x(sign int, brand_id text, perpetual boolean)
GROUP BY 1, 2
HAVING sum(x.sign) <> 0
ORDER BY 1, 2
ON CONFLICT (brand_id, perpetual) DO UPDATE SET items = s.items + excluded.items;
$$;
--> statement-breakpoint
CREATE FUNCTION rights_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('sign', 1, 'brand_id', n.brand_id, 'perpetual', n.ends_on IS NULL)) INTO d FROM changed n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('sign', -1, 'brand_id', o.brand_id, 'perpetual', o.ends_on IS NULL)) INTO d FROM old_rows o;
  ELSE
    -- only the licences whose brand, or whether they have an end day, changed (extensions move the end day only)
    SELECT jsonb_agg(x.r) INTO d FROM (
      SELECT jsonb_build_object('sign', 1, 'brand_id', n.brand_id, 'perpetual', n.ends_on IS NULL) AS r
        FROM changed n JOIN old_rows o ON o.id = n.id
        WHERE (n.brand_id, n.ends_on IS NULL) IS DISTINCT FROM (o.brand_id, o.ends_on IS NULL)
      UNION ALL
      SELECT jsonb_build_object('sign', -1, 'brand_id', o.brand_id, 'perpetual', o.ends_on IS NULL)
        FROM changed n JOIN old_rows o ON o.id = n.id
        WHERE (n.brand_id, n.ends_on IS NULL) IS DISTINCT FROM (o.brand_id, o.ends_on IS NULL)
    ) x;
  END IF;
  IF d IS NOT NULL THEN
    PERFORM rights_counts_add(d);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER rights_items_counts_insert AFTER INSERT ON rights_items REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rights_counts_trigger();
--> statement-breakpoint
CREATE TRIGGER rights_items_counts_update AFTER UPDATE ON rights_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rights_counts_trigger();
--> statement-breakpoint
CREATE TRIGGER rights_items_counts_delete AFTER DELETE ON rights_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rights_counts_trigger();
--> statement-breakpoint
-- Every row from scratch (what is there already; the bench seed, which loads with the triggers off).
CREATE FUNCTION rights_counts_rebuild() RETURNS void LANGUAGE sql AS $$
DELETE FROM rights_counts;
INSERT INTO rights_counts (brand_id, perpetual, items)
SELECT brand_id, ends_on IS NULL, count(*) FROM rights_items GROUP BY 1, 2;
$$;
--> statement-breakpoint
SELECT rights_counts_rebuild();
--> statement-breakpoint
-- Ending and active licences are counted per time zone, from the end-day range of that zone's today (the
-- included start day says whether each has started); the zone list is read by skipping along the same index.
DROP INDEX IF EXISTS "rights_items_brand_zone_idx";
--> statement-breakpoint
CREATE INDEX "rights_items_brand_zone_idx" ON "rights_items" USING btree ("brand_id", "time_zone", "ends_on") INCLUDE ("starts_on");
