-- A deliverable's change recomputed its campaign's whole summary row (campaign_money_refresh, 0022): every offer,
-- cost entry and invoice of the campaign, ~2.8 ms for the bench's busiest campaign, on every approval, inside the
-- transaction that holds the brand's review-count and at-risk locks, so every approval of the brand waited for it
-- (issue #18: approve was 0.12x-0.13x of the empty route against a goal of 0.25x). Of deliverables, the row reads
-- only the counts by status of the campaign's own deliverables (deliverable_counts). A deliverables statement now
-- recounts only those, for the campaigns whose rows changed campaign, brand or status (before and after), from
-- the (campaign_id, brand_id, status) index. A recount, not a delta: an offer's delete cascades to its
-- deliverables and its own full refresh can run before their trigger, which a delta would then count twice.
-- Two transactions changing deliverables of one campaign at once both count (the row is locked before the recount).
-- A campaign without its summary row (not made by the campaigns trigger) is refreshed in full as before.
-- tests/integration/campaign-money-drift.test.ts recomputes every row from scratch after random sequences.
CREATE FUNCTION campaign_money_deliverables_refresh(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  missing text[];
BEGIN
  -- The rows' locks first, in key order, then the recount in a statement of its own: under READ COMMITTED it
  -- takes its snapshot after the lock, so it sees what a transaction that held the row before committed (one
  -- UPDATE with the count inside would count from the snapshot it took before waiting, and lose that change).
  PERFORM 1 FROM campaign_money m WHERE m.campaign_id = ANY (ids) ORDER BY m.campaign_id FOR UPDATE;
  WITH done AS (
    UPDATE campaign_money m SET deliverable_counts = coalesce((
      SELECT jsonb_object_agg(s.status, s.n) FROM (
        SELECT d.status, count(*) AS n FROM deliverables d WHERE d.campaign_id = m.campaign_id AND d.brand_id = m.brand_id GROUP BY d.status
      ) s), '{}'::jsonb)
    WHERE m.campaign_id = ANY (ids)
    RETURNING m.campaign_id
  )
  SELECT array_agg(DISTINCT u.id) INTO missing FROM unnest(ids) AS u(id)
  WHERE u.id IS NOT NULL AND u.id NOT IN (SELECT campaign_id FROM done) AND EXISTS (SELECT 1 FROM campaigns k WHERE k.id = u.id);
  IF missing IS NOT NULL THEN
    PERFORM campaign_money_refresh(missing);
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION campaign_money_deliverables_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- only where a campaign, brand or status changed (a post link, a due day or updated_at count nothing)
    SELECT array_agg(DISTINCT x.campaign_id ORDER BY x.campaign_id) INTO ids FROM (
      (SELECT id, campaign_id, brand_id, status FROM changed EXCEPT SELECT id, campaign_id, brand_id, status FROM old_rows)
      UNION ALL
      (SELECT id, campaign_id, brand_id, status FROM old_rows EXCEPT SELECT id, campaign_id, brand_id, status FROM changed)
    ) x WHERE x.campaign_id IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT c.campaign_id ORDER BY c.campaign_id) INTO ids FROM changed c WHERE c.campaign_id IS NOT NULL;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM campaign_money_deliverables_refresh(ids);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "deliverables_campaign_money_insert" ON "deliverables";
--> statement-breakpoint
DROP TRIGGER "deliverables_campaign_money_update" ON "deliverables";
--> statement-breakpoint
DROP TRIGGER "deliverables_campaign_money_delete" ON "deliverables";
--> statement-breakpoint
CREATE TRIGGER deliverables_campaign_money_insert AFTER INSERT ON deliverables REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_deliverables_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_campaign_money_update AFTER UPDATE ON deliverables REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_deliverables_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_campaign_money_delete AFTER DELETE ON deliverables REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_deliverables_trigger();
