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
BEGIN
  IF TG_TABLE_NAME = 'draft_versions' THEN
    PERFORM roster_stats_refresh(array_agg(d.brand_id), array_agg(d.creator_id))
    FROM (
      (SELECT id, deliverable_id, submitted_at FROM changed EXCEPT SELECT id, deliverable_id, submitted_at FROM old_rows)
      UNION (SELECT id, deliverable_id, submitted_at FROM old_rows EXCEPT SELECT id, deliverable_id, submitted_at FROM changed)
    ) x JOIN deliverables d ON d.id = x.deliverable_id;
  ELSE
    PERFORM roster_stats_refresh(array_agg(x.brand_id), array_agg(x.creator_id))
    FROM (
      (SELECT id, brand_id, creator_id, draft_due_on, post_window_end FROM changed EXCEPT SELECT id, brand_id, creator_id, draft_due_on, post_window_end FROM old_rows)
      UNION (SELECT id, brand_id, creator_id, draft_due_on, post_window_end FROM old_rows EXCEPT SELECT id, brand_id, creator_id, draft_due_on, post_window_end FROM changed)
    ) x;
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
