-- Approving a draft at the rate it had before 0034 and 0036 (issue #18: 87-93 req/s fell to 51-58). An approval
-- writes its version (decision) and its deliverable (status), and every statement trigger on both tables ran in
-- full for it, most of them for columns the approval does not change.
--
-- 1. Roster sort keys (roster_stats_refresh, 0004/0014) read, of these two tables, a version's deliverable and
-- submitted_at (the on-time rate: first submission against the draft due day) and a deliverable's brand, creator,
-- draft due day and post window end. They do not read a decision or a status. The update triggers refreshed the
-- creator's roster entry for every update of either table: twice per approval, and again for each version whose
-- queue_urgency the deliverables trigger below moves (each refresh an UPDATE of roster_entries with its own
-- triggers). They now refresh only the pairs of rows whose columns the refresh reads changed, before (old_rows)
-- and after (changed): a version moved to another deliverable, or a deliverable to another creator, now also
-- refreshes the pair it left, which the new rows alone did not name.
CREATE FUNCTION roster_stats_update_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  b text[];
  c text[];
BEGIN
  IF TG_TABLE_NAME = 'draft_versions' THEN
    SELECT array_agg(d.brand_id), array_agg(d.creator_id) INTO b, c
    FROM (
      (SELECT id, deliverable_id, submitted_at FROM changed EXCEPT SELECT id, deliverable_id, submitted_at FROM old_rows)
      UNION (SELECT id, deliverable_id, submitted_at FROM old_rows EXCEPT SELECT id, deliverable_id, submitted_at FROM changed)
    ) x JOIN deliverables d ON d.id = x.deliverable_id;
  ELSE
    SELECT array_agg(x.brand_id), array_agg(x.creator_id) INTO b, c
    FROM (
      (SELECT id, brand_id, creator_id, draft_due_on, post_window_end FROM changed EXCEPT SELECT id, brand_id, creator_id, draft_due_on, post_window_end FROM old_rows)
      UNION (SELECT id, brand_id, creator_id, draft_due_on, post_window_end FROM old_rows EXCEPT SELECT id, brand_id, creator_id, draft_due_on, post_window_end FROM changed)
    ) x;
  END IF;
  -- not called at all when nothing it reads changed (a SQL function's UPDATE is planned on every call, ~1 ms)
  IF b IS NOT NULL THEN
    PERFORM roster_stats_refresh(b, c);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "draft_versions_roster_stats_update" ON "draft_versions";
--> statement-breakpoint
CREATE TRIGGER draft_versions_roster_stats_update AFTER UPDATE ON draft_versions REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_update_trigger();
--> statement-breakpoint
DROP TRIGGER "deliverables_roster_stats_update" ON "deliverables";
--> statement-breakpoint
CREATE TRIGGER deliverables_roster_stats_update AFTER UPDATE ON deliverables REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_update_trigger();
--> statement-breakpoint
-- 2. The review queue's key (0036): a deliverable's update looked for undecided versions to move whatever it
-- changed (its updated_at, its brief, a post's link). Only a change of its status, post window start or draft due
-- day (or its id) can move queue_urgency; the others now do nothing.
CREATE OR REPLACE FUNCTION deliverables_queue_urgency() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE draft_versions v SET queue_urgency = c.u
  FROM (
    SELECT n.id, CASE WHEN n.status = 'draft_submitted' THEN coalesce(n.post_window_start, n.draft_due_on, 'infinity'::date) END AS u
    FROM (SELECT id, status, post_window_start, draft_due_on FROM changed EXCEPT SELECT id, status, post_window_start, draft_due_on FROM old_rows) n
  ) c
  WHERE v.deliverable_id = c.id AND v.decision IS NULL AND v.queue_urgency IS DISTINCT FROM c.u;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "deliverables_queue_urgency" ON "deliverables";
--> statement-breakpoint
CREATE TRIGGER deliverables_queue_urgency AFTER UPDATE ON deliverables REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION deliverables_queue_urgency();
--> statement-breakpoint
-- 3. At-risk days (0034): a deliverable's update recounted kinds 1 and 2 at its due day and window end, before and
-- after, whatever its status; now only the days where it is counted before or after (kind 1: pending or changes
-- requested; kind 2: approved or post changes requested). The same refresh under the same per-brand lock, for fewer
-- keys: an approval recounts its window end's kind 2 and its version's kind 3, not kind 1 twice more.
CREATE OR REPLACE FUNCTION at_risk_days_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
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
        SELECT v.brand_id, v.kind, v.day FROM changed n JOIN old_rows od ON od.id = n.id
        -- a day of kind 1 or 2 only where the row is counted before or after (an approval moves a deliverable from
        -- draft_submitted to approved: kind 2 of its window end, not kind 1 of its due day)
        CROSS JOIN LATERAL (VALUES (n.brand_id, 1::smallint, n.draft_due_on, n.status IN ('pending', 'changes_requested')), (od.brand_id, 1::smallint, od.draft_due_on, od.status IN ('pending', 'changes_requested')),
                                   (n.brand_id, 2::smallint, n.post_window_end, n.status IN ('approved', 'post_changes_requested')), (od.brand_id, 2::smallint, od.post_window_end, od.status IN ('approved', 'post_changes_requested'))) AS v(brand_id, kind, day, counted)
        WHERE v.counted AND (n.status, n.brand_id, n.draft_due_on, n.post_window_end) IS DISTINCT FROM (od.status, od.brand_id, od.draft_due_on, od.post_window_end)
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
        CROSS JOIN LATERAL (VALUES (n.brand_id, 1::smallint, n.draft_due_on, n.status IN ('pending', 'changes_requested')), (n.brand_id, 2::smallint, n.post_window_end, n.status IN ('approved', 'post_changes_requested'))) AS v(brand_id, kind, day, counted)
        WHERE v.counted
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
