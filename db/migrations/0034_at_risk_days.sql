-- The brand home's at-risk counts and lists at a cost that does not grow with the brand's history (issue #18).
-- The counts were windows over every matching row (every late draft, every post without stats: 25,000 and 16,000
-- rows for the big bench brand at 10x, 1.8 s a home). They are kept here instead, per brand, kind and day, by
-- statement triggers in the same transaction as the change; the home applies the clock when it reads (days before
-- the cutoff are summed, the cutoff's own day is counted exactly from its rows), so nothing stored depends on
-- when it was computed. Never written by the app. Kinds (app/services/brands/get-at-risk.server.ts):
--   1 deliverables pending / changes_requested, by draft_due_on
--   2 deliverables approved / post_changes_requested, by post_window_end
--   3 draft versions without a decision of deliverables in draft_submitted, by UTC day of submitted_at
--   4 posts submitted (waiting for verification), by UTC day of updated_at
--   5 posts without a reading 6 days after publishing, by UTC publishing day
--   6 posts with a 6-day reading but none 28 days after publishing, by UTC publishing day
--   7 accepted / active offers without a tracked link or a promo code (untracked_offers below), one row per brand
-- A refresh recounts the (brand, kind, day) keys a statement touched, under a per-brand advisory lock taken
-- before it reads, so two transactions changing the same brand recount one after the other and the second sees
-- the first's committed rows (a recount from a stale snapshot would otherwise overwrite the other's change).
-- tests/integration/at-risk-drift.test.ts checks the rows against a rebuild from scratch and the home's list
-- against the full at-risk query after random sequences of changes, on both databases.
CREATE TABLE "at_risk_days" (
	"brand_id" text NOT NULL,
	"kind" smallint NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "at_risk_days_pk" PRIMARY KEY ("brand_id","kind","day")
);
--> statement-breakpoint
-- Accepted or active offers missing a tracked link or a promo code (the home lists the first 25 by id).
CREATE TABLE "untracked_offers" (
	"brand_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"has_link" boolean NOT NULL,
	"has_code" boolean NOT NULL,
	CONSTRAINT "untracked_offers_pk" PRIMARY KEY ("brand_id","offer_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "untracked_offers_offer_uq" ON "untracked_offers" USING btree ("offer_id");
--> statement-breakpoint
-- Posts without a reading 28 days after publishing (level 1), or even 6 days after (level 0): the home lists the
-- oldest in due order from these indexes, and counts the cutoff's own day from them.
CREATE TABLE "post_stats_gaps" (
	"post_id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"level" smallint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "post_stats_gaps_brand_posted_idx" ON "post_stats_gaps" USING btree ("brand_id","posted_at","post_id");
--> statement-breakpoint
CREATE INDEX "post_stats_gaps_brand_level_posted_idx" ON "post_stats_gaps" USING btree ("brand_id","level","posted_at","post_id");
--> statement-breakpoint
-- The home's lists walk these in due order and stop at 25 (and the refreshes count one day of them).
CREATE INDEX "deliverables_brand_draft_due_open_idx" ON "deliverables" USING btree ("brand_id","draft_due_on","id") WHERE "status" IN ('pending', 'changes_requested');
--> statement-breakpoint
CREATE INDEX "deliverables_brand_post_window_open_idx" ON "deliverables" USING btree ("brand_id","post_window_end","id") WHERE "status" IN ('approved', 'post_changes_requested');
--> statement-breakpoint
CREATE INDEX "draft_versions_brand_waiting_idx" ON "draft_versions" USING btree ("brand_id","submitted_at","id") WHERE "decision" IS NULL;
--> statement-breakpoint
CREATE INDEX "posts_brand_submitted_idx" ON "posts" USING btree ("brand_id","updated_at","id") WHERE "status" = 'submitted';
--> statement-breakpoint
CREATE INDEX "offers_brand_rights_idx" ON "offers" USING btree ("brand_id") WHERE "usage_months" > 0 OR "exclusivity_months" > 0;
--> statement-breakpoint
CREATE FUNCTION at_risk_lock(brands text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- in one order, so two statements locking several brands cannot wait on each other
  PERFORM pg_advisory_xact_lock(hashtext('at_risk_days'), hashtext(x.b)) FROM (SELECT DISTINCT u.b FROM unnest(brands) AS u(b) WHERE u.b IS NOT NULL ORDER BY u.b) x;
END
$$;
--> statement-breakpoint
CREATE FUNCTION at_risk_days_refresh(brands text[], kinds smallint[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM at_risk_lock(brands);
  WITH k AS (
    SELECT DISTINCT u.brand_id, u.kind, u.day FROM unnest(brands, kinds, days) AS u(brand_id, kind, day) WHERE u.brand_id IS NOT NULL AND u.day IS NOT NULL
  ), c AS (
    SELECT k.brand_id, k.kind, k.day, (CASE k.kind
      WHEN 1 THEN (SELECT count(*) FROM deliverables d WHERE d.brand_id = k.brand_id AND d.status IN ('pending', 'changes_requested') AND d.draft_due_on = k.day)
      WHEN 2 THEN (SELECT count(*) FROM deliverables d WHERE d.brand_id = k.brand_id AND d.status IN ('approved', 'post_changes_requested') AND d.post_window_end = k.day)
      WHEN 3 THEN (SELECT count(*) FROM draft_versions v JOIN deliverables d ON d.id = v.deliverable_id AND d.brand_id = v.brand_id
                   WHERE v.brand_id = k.brand_id AND v.decision IS NULL AND d.status = 'draft_submitted'
                     AND v.submitted_at >= (k.day::timestamp AT TIME ZONE 'UTC') AND v.submitted_at < ((k.day + 1)::timestamp AT TIME ZONE 'UTC'))
      WHEN 4 THEN (SELECT count(*) FROM posts p JOIN deliverables d ON d.id = p.deliverable_id AND d.brand_id = p.brand_id
                   WHERE p.brand_id = k.brand_id AND p.status = 'submitted'
                     AND p.updated_at >= (k.day::timestamp AT TIME ZONE 'UTC') AND p.updated_at < ((k.day + 1)::timestamp AT TIME ZONE 'UTC'))
      WHEN 5 THEN (SELECT count(*) FROM post_stats_gaps g WHERE g.brand_id = k.brand_id AND g.level = 0
                     AND g.posted_at >= (k.day::timestamp AT TIME ZONE 'UTC') AND g.posted_at < ((k.day + 1)::timestamp AT TIME ZONE 'UTC'))
      WHEN 6 THEN (SELECT count(*) FROM post_stats_gaps g WHERE g.brand_id = k.brand_id AND g.level = 1
                     AND g.posted_at >= (k.day::timestamp AT TIME ZONE 'UTC') AND g.posted_at < ((k.day + 1)::timestamp AT TIME ZONE 'UTC'))
      WHEN 7 THEN (SELECT count(*) FROM untracked_offers u WHERE u.brand_id = k.brand_id)
    END)::integer AS n
    FROM k
  ), gone AS (
    DELETE FROM at_risk_days a USING c WHERE c.n = 0 AND a.brand_id = c.brand_id AND a.kind = c.kind AND a.day = c.day
  )
  INSERT INTO at_risk_days AS a (brand_id, kind, day, n)
  SELECT c.brand_id, c.kind, c.day, c.n FROM c WHERE c.n > 0
  ON CONFLICT (brand_id, kind, day) DO UPDATE SET n = excluded.n;
END
$$;
--> statement-breakpoint
-- Whether these posts have their readings (post_stats_gaps); `brands`: every brand they belong or belonged to.
CREATE FUNCTION post_stats_gaps_refresh(ids text[], brands text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM at_risk_lock(brands);
  DELETE FROM post_stats_gaps g USING unnest(ids) AS u(id) WHERE g.post_id = u.id;
  INSERT INTO post_stats_gaps (post_id, brand_id, posted_at, level)
  SELECT p.id, p.brand_id, p.posted_at, CASE WHEN coalesce(pl.captured_at >= p.posted_at + interval '6 days', false) THEN 1 ELSE 0 END
  FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id)) u
  JOIN posts p ON p.id = u.id
  JOIN deliverables d ON d.id = p.deliverable_id AND d.brand_id = p.brand_id
  LEFT JOIN post_metrics_latest pl ON pl.post_id = p.id AND pl.brand_id = p.brand_id
  WHERE NOT coalesce(pl.captured_at >= p.posted_at + interval '28 days', false);
END
$$;
--> statement-breakpoint
-- Which of these offers lack a link or a code (their brand's kind-7 count follows). `brands`: the offers'
-- brands before the change too (an offer moved or deleted leaves its old brand's count).
CREATE FUNCTION untracked_offers_refresh(ids text[], brands text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  b text[];
BEGIN
  SELECT array_agg(DISTINCT x.brand_id) INTO b FROM (
    SELECT unnest(brands) AS brand_id
    UNION SELECT o.brand_id FROM offers o JOIN unnest(ids) AS u(id) ON o.id = u.id
    UNION SELECT t.brand_id FROM untracked_offers t JOIN unnest(ids) AS u(id) ON t.offer_id = u.id
  ) x WHERE x.brand_id IS NOT NULL;
  IF b IS NULL THEN
    RETURN;
  END IF;
  PERFORM at_risk_lock(b);
  DELETE FROM untracked_offers t USING unnest(ids) AS u(id) WHERE t.offer_id = u.id;
  INSERT INTO untracked_offers (brand_id, offer_id, has_link, has_code)
  SELECT y.brand_id, y.id, y.has_link, y.has_code FROM (
    SELECT o.brand_id, o.id,
           EXISTS (SELECT 1 FROM tracking_links l WHERE l.brand_id = o.brand_id AND l.offer_id = o.id) AS has_link,
           EXISTS (SELECT 1 FROM promo_codes c WHERE c.brand_id = o.brand_id AND c.offer_id = o.id) AS has_code
    FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id)) u JOIN offers o ON o.id = u.id
    WHERE o.status IN ('accepted', 'active')
  ) y WHERE NOT (y.has_link AND y.has_code);
  PERFORM at_risk_days_refresh(b, array_fill(7::smallint, ARRAY[cardinality(b)]), array_fill('-infinity'::date, ARRAY[cardinality(b)]));
END
$$;
--> statement-breakpoint
CREATE FUNCTION at_risk_days_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  b text[];
  k smallint[];
  d date[];
  ids text[];
  ob text[];
  pids text[];
BEGIN
  IF TG_TABLE_NAME = 'deliverables' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(x.brand_id), array_agg(x.kind), array_agg(x.day) INTO b, k, d FROM (
        SELECT v.brand_id, v.kind, v.day FROM changed n JOIN old_rows o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (n.brand_id, 1::smallint, n.draft_due_on), (o.brand_id, 1::smallint, o.draft_due_on), (n.brand_id, 2::smallint, n.post_window_end), (o.brand_id, 2::smallint, o.post_window_end)) AS v(brand_id, kind, day)
        WHERE (n.status, n.brand_id, n.draft_due_on, n.post_window_end) IS DISTINCT FROM (o.status, o.brand_id, o.draft_due_on, o.post_window_end)
        UNION
        -- the deliverable's waiting versions count only while it is in draft_submitted
        SELECT dv.brand_id, 3::smallint, (dv.submitted_at AT TIME ZONE 'UTC')::date FROM changed n JOIN old_rows o ON o.id = n.id JOIN draft_versions dv ON dv.deliverable_id = n.id
        WHERE dv.decision IS NULL AND (n.status, n.brand_id) IS DISTINCT FROM (o.status, o.brand_id)
        UNION
        -- its post counts only while the deliverable is the post's brand's
        SELECT p.brand_id, v.kind, v.day FROM changed n JOIN old_rows o ON o.id = n.id JOIN posts p ON p.deliverable_id = n.id
        CROSS JOIN LATERAL (VALUES (4::smallint, (p.updated_at AT TIME ZONE 'UTC')::date), (5::smallint, (p.posted_at AT TIME ZONE 'UTC')::date), (6::smallint, (p.posted_at AT TIME ZONE 'UTC')::date)) AS v(kind, day)
        WHERE n.brand_id IS DISTINCT FROM o.brand_id
      ) x;
      SELECT array_agg(p.id) INTO pids FROM changed n JOIN old_rows o ON o.id = n.id JOIN posts p ON p.deliverable_id = n.id WHERE n.brand_id IS DISTINCT FROM o.brand_id;
    ELSE
      -- inserted or deleted (a deletion takes its versions and post with it: their own triggers recount them)
      SELECT array_agg(x.brand_id), array_agg(x.kind), array_agg(x.day) INTO b, k, d FROM (
        SELECT DISTINCT v.brand_id, v.kind, v.day FROM changed n
        CROSS JOIN LATERAL (VALUES (n.brand_id, 1::smallint, n.draft_due_on), (n.brand_id, 2::smallint, n.post_window_end)) AS v(brand_id, kind, day)
      ) x;
    END IF;
  ELSIF TG_TABLE_NAME = 'draft_versions' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(x.brand_id), array_agg(x.kind), array_agg(x.day) INTO b, k, d FROM (
        SELECT DISTINCT v.brand_id, 3::smallint AS kind, v.day FROM changed n JOIN old_rows o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (n.brand_id, (n.submitted_at AT TIME ZONE 'UTC')::date), (o.brand_id, (o.submitted_at AT TIME ZONE 'UTC')::date)) AS v(brand_id, day)
        WHERE (n.decision IS NULL, n.brand_id, n.submitted_at, n.deliverable_id) IS DISTINCT FROM (o.decision IS NULL, o.brand_id, o.submitted_at, o.deliverable_id)
      ) x;
    ELSE
      SELECT array_agg(x.brand_id), array_agg(x.kind), array_agg(x.day) INTO b, k, d FROM (
        SELECT DISTINCT n.brand_id, 3::smallint AS kind, (n.submitted_at AT TIME ZONE 'UTC')::date AS day FROM changed n WHERE n.decision IS NULL
      ) x;
    END IF;
  ELSIF TG_TABLE_NAME = 'posts' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(x.brand_id), array_agg(x.kind), array_agg(x.day) INTO b, k, d FROM (
        SELECT DISTINCT r.brand_id, v.kind, v.day FROM (
          SELECT n.brand_id, n.updated_at, n.posted_at FROM changed n JOIN old_rows o ON o.id = n.id
          WHERE (n.brand_id, n.status, n.updated_at, n.posted_at, n.deliverable_id) IS DISTINCT FROM (o.brand_id, o.status, o.updated_at, o.posted_at, o.deliverable_id)
          UNION ALL
          SELECT o.brand_id, o.updated_at, o.posted_at FROM changed n JOIN old_rows o ON o.id = n.id
          WHERE (n.brand_id, n.status, n.updated_at, n.posted_at, n.deliverable_id) IS DISTINCT FROM (o.brand_id, o.status, o.updated_at, o.posted_at, o.deliverable_id)
        ) r
        CROSS JOIN LATERAL (VALUES (4::smallint, (r.updated_at AT TIME ZONE 'UTC')::date), (5::smallint, (r.posted_at AT TIME ZONE 'UTC')::date), (6::smallint, (r.posted_at AT TIME ZONE 'UTC')::date)) AS v(kind, day)
      ) x;
      SELECT array_agg(n.id) INTO pids FROM changed n JOIN old_rows o ON o.id = n.id
      WHERE (n.brand_id, n.posted_at, n.deliverable_id) IS DISTINCT FROM (o.brand_id, o.posted_at, o.deliverable_id);
    ELSE
      SELECT array_agg(x.brand_id), array_agg(x.kind), array_agg(x.day) INTO b, k, d FROM (
        SELECT DISTINCT n.brand_id, v.kind, v.day FROM changed n
        CROSS JOIN LATERAL (VALUES (4::smallint, (n.updated_at AT TIME ZONE 'UTC')::date), (5::smallint, (n.posted_at AT TIME ZONE 'UTC')::date), (6::smallint, (n.posted_at AT TIME ZONE 'UTC')::date)) AS v(kind, day)
      ) x;
      SELECT array_agg(n.id) INTO pids FROM changed n;
    END IF;
  ELSIF TG_TABLE_NAME = 'post_metrics_latest' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(x.brand_id), array_agg(x.kind), array_agg(x.day) INTO b, k, d FROM (
        SELECT DISTINCT p.brand_id, v.kind, (p.posted_at AT TIME ZONE 'UTC')::date AS day
        FROM posts p CROSS JOIN (VALUES (5::smallint), (6::smallint)) AS v(kind)
        WHERE p.id IN (SELECT n.post_id FROM changed n JOIN old_rows o ON o.post_id = n.post_id WHERE (n.captured_at, n.brand_id) IS DISTINCT FROM (o.captured_at, o.brand_id))
      ) x;
      SELECT array_agg(n.post_id) INTO pids FROM changed n JOIN old_rows o ON o.post_id = n.post_id WHERE (n.captured_at, n.brand_id) IS DISTINCT FROM (o.captured_at, o.brand_id);
    ELSE
      SELECT array_agg(x.brand_id), array_agg(x.kind), array_agg(x.day) INTO b, k, d FROM (
        SELECT DISTINCT p.brand_id, v.kind, (p.posted_at AT TIME ZONE 'UTC')::date AS day
        FROM posts p CROSS JOIN (VALUES (5::smallint), (6::smallint)) AS v(kind)
        WHERE p.id IN (SELECT n.post_id FROM changed n)
      ) x;
      SELECT array_agg(n.post_id) INTO pids FROM changed n;
    END IF;
  ELSIF TG_TABLE_NAME = 'offers' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(n.id), array_agg(o.brand_id) INTO ids, ob FROM changed n JOIN old_rows o ON o.id = n.id
      WHERE (n.status, n.brand_id) IS DISTINCT FROM (o.status, o.brand_id);
    ELSE
      SELECT array_agg(n.id), array_agg(n.brand_id) INTO ids, ob FROM changed n;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    -- tracking_links, promo_codes: the offers they name, before and after
    SELECT array_agg(DISTINCT x.offer_id) INTO ids FROM (
      SELECT n.offer_id FROM changed n JOIN old_rows o ON o.id = n.id WHERE (n.offer_id, n.brand_id) IS DISTINCT FROM (o.offer_id, o.brand_id)
      UNION SELECT o.offer_id FROM changed n JOIN old_rows o ON o.id = n.id WHERE (n.offer_id, n.brand_id) IS DISTINCT FROM (o.offer_id, o.brand_id)
    ) x WHERE x.offer_id IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT n.offer_id) INTO ids FROM changed n WHERE n.offer_id IS NOT NULL;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM untracked_offers_refresh(ids, ob);
  END IF;
  IF pids IS NOT NULL THEN
    PERFORM post_stats_gaps_refresh(pids, b);
  END IF;
  IF b IS NOT NULL THEN
    PERFORM at_risk_days_refresh(b, k, d);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every row from scratch, grouped (the bench seed after a load with the triggers off, this migration, and the
-- drift test, which compares it with what the triggers kept).
CREATE FUNCTION at_risk_days_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM untracked_offers;
  INSERT INTO untracked_offers (brand_id, offer_id, has_link, has_code)
  SELECT y.brand_id, y.id, y.has_link, y.has_code FROM (
    SELECT o.brand_id, o.id,
           EXISTS (SELECT 1 FROM tracking_links l WHERE l.brand_id = o.brand_id AND l.offer_id = o.id) AS has_link,
           EXISTS (SELECT 1 FROM promo_codes c WHERE c.brand_id = o.brand_id AND c.offer_id = o.id) AS has_code
    FROM offers o WHERE o.status IN ('accepted', 'active')
  ) y WHERE NOT (y.has_link AND y.has_code);
  DELETE FROM post_stats_gaps;
  INSERT INTO post_stats_gaps (post_id, brand_id, posted_at, level)
  SELECT p.id, p.brand_id, p.posted_at, CASE WHEN coalesce(pl.captured_at >= p.posted_at + interval '6 days', false) THEN 1 ELSE 0 END
  FROM posts p JOIN deliverables d ON d.id = p.deliverable_id AND d.brand_id = p.brand_id
  LEFT JOIN post_metrics_latest pl ON pl.post_id = p.id AND pl.brand_id = p.brand_id
  WHERE NOT coalesce(pl.captured_at >= p.posted_at + interval '28 days', false);
  DELETE FROM at_risk_days;
  INSERT INTO at_risk_days (brand_id, kind, day, n)
  SELECT brand_id, 1, draft_due_on, count(*) FROM deliverables WHERE status IN ('pending', 'changes_requested') AND draft_due_on IS NOT NULL GROUP BY brand_id, draft_due_on
  UNION ALL
  SELECT brand_id, 2, post_window_end, count(*) FROM deliverables WHERE status IN ('approved', 'post_changes_requested') AND post_window_end IS NOT NULL GROUP BY brand_id, post_window_end
  UNION ALL
  SELECT v.brand_id, 3, (v.submitted_at AT TIME ZONE 'UTC')::date, count(*) FROM draft_versions v JOIN deliverables d ON d.id = v.deliverable_id AND d.brand_id = v.brand_id
  WHERE v.decision IS NULL AND d.status = 'draft_submitted' GROUP BY 1, 3
  UNION ALL
  SELECT p.brand_id, 4, (p.updated_at AT TIME ZONE 'UTC')::date, count(*) FROM posts p JOIN deliverables d ON d.id = p.deliverable_id AND d.brand_id = p.brand_id
  WHERE p.status = 'submitted' GROUP BY 1, 3
  UNION ALL
  SELECT p.brand_id, CASE WHEN coalesce(pl.captured_at >= p.posted_at + interval '6 days', false) THEN 6 ELSE 5 END, (p.posted_at AT TIME ZONE 'UTC')::date, count(*)
  FROM posts p JOIN deliverables d ON d.id = p.deliverable_id AND d.brand_id = p.brand_id
  LEFT JOIN post_metrics_latest pl ON pl.post_id = p.id AND pl.brand_id = p.brand_id
  WHERE NOT coalesce(pl.captured_at >= p.posted_at + interval '28 days', false) GROUP BY 1, 2, 3
  UNION ALL
  SELECT brand_id, 7, '-infinity'::date, count(*) FROM untracked_offers GROUP BY brand_id;
END
$$;
--> statement-breakpoint
CREATE TRIGGER deliverables_at_risk_insert AFTER INSERT ON deliverables REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_at_risk_update AFTER UPDATE ON deliverables REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_at_risk_delete AFTER DELETE ON deliverables REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER draft_versions_at_risk_insert AFTER INSERT ON draft_versions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER draft_versions_at_risk_update AFTER UPDATE ON draft_versions REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER draft_versions_at_risk_delete AFTER DELETE ON draft_versions REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_at_risk_insert AFTER INSERT ON posts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_at_risk_update AFTER UPDATE ON posts REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_at_risk_delete AFTER DELETE ON posts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER post_metrics_latest_at_risk_insert AFTER INSERT ON post_metrics_latest REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER post_metrics_latest_at_risk_update AFTER UPDATE ON post_metrics_latest REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER post_metrics_latest_at_risk_delete AFTER DELETE ON post_metrics_latest REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_at_risk_insert AFTER INSERT ON offers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_at_risk_update AFTER UPDATE ON offers REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_at_risk_delete AFTER DELETE ON offers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER tracking_links_at_risk_insert AFTER INSERT ON tracking_links REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER tracking_links_at_risk_update AFTER UPDATE ON tracking_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER tracking_links_at_risk_delete AFTER DELETE ON tracking_links REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER promo_codes_at_risk_insert AFTER INSERT ON promo_codes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER promo_codes_at_risk_update AFTER UPDATE ON promo_codes REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
CREATE TRIGGER promo_codes_at_risk_delete AFTER DELETE ON promo_codes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION at_risk_days_trigger();
--> statement-breakpoint
-- What is there already.
SELECT at_risk_days_rebuild();
