-- The review queue and the roster read about a screen of rows whatever the brand's history (issue #18).
--
-- 1. The queue's order. The queue lists waiting drafts (no decision yet, deliverable in draft_submitted) by
-- coalesce(post_window_start, draft_due_on, 'infinity') of the deliverable, then submitted_at of the version.
-- The first key lived on deliverables and the second on draft_versions, so no index gave the order and every
-- waiting draft of the brand was joined and sorted for each page. draft_versions.queue_urgency keeps that key
-- on the version, and only while the version waits: NULL once decided or when its deliverable is in any other
-- status. Set by a BEFORE row trigger on draft_versions (from its deliverable) and by a statement trigger on
-- deliverables (a status or date change updates the deliverable's undecided versions), in the same
-- transaction; never written by the app. The partial index walks one brand's waiting drafts in page order.
ALTER TABLE "draft_versions" ADD COLUMN "queue_urgency" date;
--> statement-breakpoint
CREATE INDEX "draft_versions_queue_idx" ON "draft_versions" USING btree ("brand_id","queue_urgency","submitted_at","id") WHERE "queue_urgency" IS NOT NULL;
--> statement-breakpoint
CREATE FUNCTION draft_versions_queue_urgency() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.queue_urgency := NULL;
  IF NEW.decision IS NULL THEN
    SELECT coalesce(d.post_window_start, d.draft_due_on, 'infinity'::date) INTO NEW.queue_urgency
    FROM deliverables d WHERE d.id = NEW.deliverable_id AND d.status = 'draft_submitted';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER draft_versions_queue_urgency BEFORE INSERT OR UPDATE ON draft_versions FOR EACH ROW EXECUTE FUNCTION draft_versions_queue_urgency();
--> statement-breakpoint
CREATE FUNCTION deliverables_queue_urgency() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The undecided versions of the changed deliverables whose key moves (the row trigger above sets the value).
  UPDATE draft_versions v SET queue_urgency = CASE WHEN c.status = 'draft_submitted' THEN coalesce(c.post_window_start, c.draft_due_on, 'infinity'::date) END
  FROM changed c
  WHERE v.deliverable_id = c.id AND v.decision IS NULL
    AND v.queue_urgency IS DISTINCT FROM (CASE WHEN c.status = 'draft_submitted' THEN coalesce(c.post_window_start, c.draft_due_on, 'infinity'::date) END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER deliverables_queue_urgency AFTER UPDATE ON deliverables REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION deliverables_queue_urgency();
--> statement-breakpoint
-- 2. The counts the pages show. Per brand: draft versions without a decision (the navigation's badge) and,
-- of those, the waiting ones (queue_urgency set: the queue's "Waiting (N)"). Kept by adding what each
-- statement on draft_versions changed (its transition tables), so a write costs the rows it wrote, not the
-- brand's queue; rolled back with the transaction. tests/integration/review-roster-counts-drift.test.ts
-- recomputes them from scratch after random sequences of changes.
CREATE TABLE "review_queue_counts" (
	"brand_id" text PRIMARY KEY NOT NULL,
	"undecided" integer DEFAULT 0 NOT NULL,
	"waiting" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION review_queue_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO review_queue_counts AS q (brand_id, undecided, waiting)
    SELECT x.brand_id, x.u, x.w FROM (SELECT brand_id, count(*) FILTER (WHERE decision IS NULL)::int AS u, count(queue_urgency)::int AS w FROM new_rows GROUP BY brand_id) x
    WHERE x.u <> 0 OR x.w <> 0 ORDER BY x.brand_id
    ON CONFLICT (brand_id) DO UPDATE SET undecided = q.undecided + excluded.undecided, waiting = q.waiting + excluded.waiting;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO review_queue_counts AS q (brand_id, undecided, waiting)
    SELECT x.brand_id, -x.u, -x.w FROM (SELECT brand_id, count(*) FILTER (WHERE decision IS NULL)::int AS u, count(queue_urgency)::int AS w FROM old_rows GROUP BY brand_id) x
    WHERE x.u <> 0 OR x.w <> 0 ORDER BY x.brand_id
    ON CONFLICT (brand_id) DO UPDATE SET undecided = q.undecided + excluded.undecided, waiting = q.waiting + excluded.waiting;
  ELSE
    INSERT INTO review_queue_counts AS q (brand_id, undecided, waiting)
    SELECT x.brand_id, x.u, x.w FROM (
      SELECT brand_id, sum(u)::int AS u, sum(w)::int AS w FROM (
        SELECT brand_id, (decision IS NULL)::int AS u, (queue_urgency IS NOT NULL)::int AS w FROM new_rows
        UNION ALL SELECT brand_id, -(decision IS NULL)::int, -(queue_urgency IS NOT NULL)::int FROM old_rows
      ) d GROUP BY brand_id
    ) x
    WHERE x.u <> 0 OR x.w <> 0 ORDER BY x.brand_id
    ON CONFLICT (brand_id) DO UPDATE SET undecided = q.undecided + excluded.undecided, waiting = q.waiting + excluded.waiting;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER draft_versions_review_counts_insert AFTER INSERT ON draft_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_counts_trigger();
--> statement-breakpoint
CREATE TRIGGER draft_versions_review_counts_update AFTER UPDATE ON draft_versions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_counts_trigger();
--> statement-breakpoint
CREATE TRIGGER draft_versions_review_counts_delete AFTER DELETE ON draft_versions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_counts_trigger();
--> statement-breakpoint
-- 3. The roster's count and tag list. Per brand: roster entries by status (the unfiltered count is their sum,
-- the status filter's one row) and how many entries carry each tag (a tag listed twice in one entry counts
-- once: the tag filter's count; its options are the tags with entries > 0), where both used to read every
-- roster row of the brand. Kept the same way from roster_entries.
CREATE TABLE "roster_counts" (
	"brand_id" text NOT NULL,
	"status" text NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "roster_counts_pk" PRIMARY KEY ("brand_id","status")
);
--> statement-breakpoint
CREATE TABLE "roster_tag_counts" (
	"brand_id" text NOT NULL,
	"tag" text NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "roster_tag_counts_pk" PRIMARY KEY ("brand_id","tag")
);
--> statement-breakpoint
CREATE FUNCTION roster_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO roster_counts AS q (brand_id, status, entries)
    SELECT brand_id, status, count(*)::int FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (brand_id, status) DO UPDATE SET entries = q.entries + excluded.entries;
    INSERT INTO roster_tag_counts AS q (brand_id, tag, entries)
    SELECT r.brand_id, t.tag, count(*)::int FROM new_rows r, LATERAL (SELECT DISTINCT u.tag FROM unnest(r.tags) AS u(tag)) t WHERE t.tag IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (brand_id, tag) DO UPDATE SET entries = q.entries + excluded.entries;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO roster_counts AS q (brand_id, status, entries)
    SELECT brand_id, status, -count(*)::int FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (brand_id, status) DO UPDATE SET entries = q.entries + excluded.entries;
    INSERT INTO roster_tag_counts AS q (brand_id, tag, entries)
    SELECT r.brand_id, t.tag, -count(*)::int FROM old_rows r, LATERAL (SELECT DISTINCT u.tag FROM unnest(r.tags) AS u(tag)) t WHERE t.tag IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (brand_id, tag) DO UPDATE SET entries = q.entries + excluded.entries;
  ELSE
    -- +1 per new row, -1 per old one: an update of other columns (the sort keys) adds up to nothing and writes nothing.
    INSERT INTO roster_counts AS q (brand_id, status, entries)
    SELECT x.brand_id, x.status, x.n FROM (
      SELECT brand_id, status, sum(n)::int AS n FROM (SELECT brand_id, status, 1 AS n FROM new_rows UNION ALL SELECT brand_id, status, -1 FROM old_rows) d GROUP BY 1, 2
    ) x WHERE x.n <> 0 ORDER BY 1, 2
    ON CONFLICT (brand_id, status) DO UPDATE SET entries = q.entries + excluded.entries;
    INSERT INTO roster_tag_counts AS q (brand_id, tag, entries)
    SELECT x.brand_id, x.tag, x.n FROM (
      SELECT brand_id, tag, sum(n)::int AS n FROM (
        SELECT r.brand_id, t.tag, 1 AS n FROM new_rows r, LATERAL (SELECT DISTINCT u.tag FROM unnest(r.tags) AS u(tag)) t
        UNION ALL SELECT r.brand_id, t.tag, -1 FROM old_rows r, LATERAL (SELECT DISTINCT u.tag FROM unnest(r.tags) AS u(tag)) t
      ) d WHERE tag IS NOT NULL GROUP BY 1, 2
    ) x WHERE x.n <> 0 ORDER BY 1, 2
    ON CONFLICT (brand_id, tag) DO UPDATE SET entries = q.entries + excluded.entries;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER roster_entries_counts_insert AFTER INSERT ON roster_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roster_counts_trigger();
--> statement-breakpoint
CREATE TRIGGER roster_entries_counts_update AFTER UPDATE ON roster_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roster_counts_trigger();
--> statement-breakpoint
CREATE TRIGGER roster_entries_counts_delete AFTER DELETE ON roster_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roster_counts_trigger();
--> statement-breakpoint
-- Everything above from scratch, for what is there already, the bench seed (which loads with the triggers off)
-- and `npm run bench:check-summaries`.
CREATE FUNCTION queue_roster_counts_rebuild() RETURNS void LANGUAGE sql AS $$
UPDATE draft_versions v SET queue_urgency = w.u
FROM (SELECT v2.id, CASE WHEN v2.decision IS NULL AND d.status = 'draft_submitted' THEN coalesce(d.post_window_start, d.draft_due_on, 'infinity'::date) END AS u
      FROM draft_versions v2 JOIN deliverables d ON d.id = v2.deliverable_id) w
WHERE w.id = v.id AND v.queue_urgency IS DISTINCT FROM w.u;
DELETE FROM review_queue_counts;
INSERT INTO review_queue_counts (brand_id, undecided, waiting)
SELECT brand_id, count(*), count(queue_urgency) FROM draft_versions WHERE decision IS NULL GROUP BY brand_id;
DELETE FROM roster_counts;
INSERT INTO roster_counts (brand_id, status, entries) SELECT brand_id, status, count(*) FROM roster_entries GROUP BY brand_id, status;
DELETE FROM roster_tag_counts;
INSERT INTO roster_tag_counts (brand_id, tag, entries)
SELECT r.brand_id, t.tag, count(*) FROM roster_entries r, LATERAL (SELECT DISTINCT u.tag FROM unnest(r.tags) AS u(tag)) t WHERE t.tag IS NOT NULL GROUP BY r.brand_id, t.tag;
$$;
--> statement-breakpoint
SELECT queue_roster_counts_rebuild();
