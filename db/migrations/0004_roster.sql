ALTER TABLE "roster_entries" ADD COLUMN "top_followers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD COLUMN "last_collaboration_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD COLUMN "total_paid_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD COLUMN "on_time_rate_bp" integer;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "growth90d_bp" integer;--> statement-breakpoint
CREATE INDEX "creators_name_id_idx" ON "creators" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "roster_entries_brand_status_idx" ON "roster_entries" USING btree ("brand_id","status","creator_id");--> statement-breakpoint
CREATE INDEX "roster_entries_brand_followers_idx" ON "roster_entries" USING btree ("brand_id","top_followers","creator_id");--> statement-breakpoint
CREATE INDEX "roster_entries_brand_last_collab_idx" ON "roster_entries" USING btree ("brand_id",coalesce("last_collaboration_at", 'epoch'::timestamptz),"creator_id");--> statement-breakpoint
CREATE INDEX "roster_entries_brand_paid_idx" ON "roster_entries" USING btree ("brand_id","total_paid_minor","creator_id");--> statement-breakpoint
CREATE INDEX "roster_entries_brand_on_time_idx" ON "roster_entries" USING btree ("brand_id",coalesce("on_time_rate_bp", -1),"creator_id");--> statement-breakpoint
CREATE INDEX "roster_entries_brand_added_idx" ON "roster_entries" USING btree ("brand_id","created_at","creator_id");--> statement-breakpoint
CREATE INDEX "roster_entries_brand_tags_idx" ON "roster_entries" USING btree ("brand_id","tags");--> statement-breakpoint
-- Roster sort keys (DECISIONS.md "Roster sort keys"): recomputed for the brand x creator pairs a
-- statement touched, in the same transaction, by statement-level triggers with transition tables (one
-- set-based refresh per statement, so a bulk COPY costs one pass, not one per row). Hand-written below
-- the generated part of this migration.
CREATE FUNCTION roster_stats_refresh(brands text[], creators text[]) RETURNS void LANGUAGE sql AS $$
UPDATE roster_entries r SET
  top_followers = coalesce((SELECT max(s.followers) FROM social_accounts s WHERE s.creator_id = r.creator_id), 0),
  last_collaboration_at = (
    SELECT max(coalesce(o.accepted_at, o.sent_at)) FROM offers o
    WHERE o.brand_id = r.brand_id AND o.creator_id = r.creator_id AND o.status IN ('accepted', 'active', 'completed')),
  total_paid_minor = coalesce((
    SELECT sum(i.total_minor) FROM invoices i JOIN brands b ON b.id = i.brand_id
    WHERE i.brand_id = r.brand_id AND i.creator_id = r.creator_id AND i.status = 'paid' AND i.currency = b.currency), 0),
  on_time_rate_bp = (
    SELECT CASE WHEN count(*) = 0 THEN NULL ELSE (10000 * count(*) FILTER (WHERE e.ok) / count(*))::int END
    FROM (
      SELECT (SELECT min(v.submitted_at) FROM draft_versions v WHERE v.deliverable_id = d.id) AT TIME ZONE 'UTC' < (d.draft_due_on + 1)::timestamp AS ok
      FROM deliverables d
      WHERE d.brand_id = r.brand_id AND d.creator_id = r.creator_id AND d.draft_due_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM draft_versions v WHERE v.deliverable_id = d.id)
      UNION ALL
      SELECT p.posted_at AT TIME ZONE 'UTC' < (d.post_window_end + 1)::timestamp
      FROM posts p JOIN deliverables d ON d.id = p.deliverable_id
      WHERE p.brand_id = r.brand_id AND p.creator_id = r.creator_id AND d.post_window_end IS NOT NULL
    ) e)
FROM (SELECT DISTINCT u.b, u.c FROM unnest(brands, creators) AS u(b, c)) pairs
WHERE r.brand_id = pairs.b AND r.creator_id = pairs.c;
$$;
--> statement-breakpoint
CREATE FUNCTION roster_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'draft_versions' THEN
    PERFORM roster_stats_refresh(array_agg(d.brand_id), array_agg(d.creator_id)) FROM changed v JOIN deliverables d ON d.id = v.deliverable_id;
  ELSIF TG_TABLE_NAME = 'social_accounts' THEN
    PERFORM roster_stats_refresh(array_agg(r.brand_id), array_agg(r.creator_id)) FROM changed s JOIN roster_entries r ON r.creator_id = s.creator_id;
  ELSE
    PERFORM roster_stats_refresh(array_agg(c.brand_id), array_agg(c.creator_id)) FROM changed c;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER roster_entries_roster_stats_insert AFTER INSERT ON roster_entries REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_roster_stats_insert AFTER INSERT ON offers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_roster_stats_update AFTER UPDATE ON offers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_roster_stats_delete AFTER DELETE ON offers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_roster_stats_insert AFTER INSERT ON invoices REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_roster_stats_update AFTER UPDATE ON invoices REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_roster_stats_delete AFTER DELETE ON invoices REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_roster_stats_insert AFTER INSERT ON deliverables REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_roster_stats_update AFTER UPDATE ON deliverables REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_roster_stats_delete AFTER DELETE ON deliverables REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER draft_versions_roster_stats_insert AFTER INSERT ON draft_versions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER draft_versions_roster_stats_update AFTER UPDATE ON draft_versions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER draft_versions_roster_stats_delete AFTER DELETE ON draft_versions REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_roster_stats_insert AFTER INSERT ON posts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_roster_stats_update AFTER UPDATE ON posts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_roster_stats_delete AFTER DELETE ON posts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER social_accounts_roster_stats_insert AFTER INSERT ON social_accounts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER social_accounts_roster_stats_update AFTER UPDATE ON social_accounts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER social_accounts_roster_stats_delete AFTER DELETE ON social_accounts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
-- Follower growth over the 90 days up to an account's latest snapshot, in basis points: (latest -
-- earliest snapshot in that window) / earliest; null with fewer than two snapshots or from zero.
CREATE FUNCTION social_account_growth_refresh(ids text[]) RETURNS void LANGUAGE sql AS $$
UPDATE social_accounts s SET growth90d_bp = g.bp
FROM (SELECT DISTINCT a.id FROM unnest(ids) AS a(id)) acc
LEFT JOIN LATERAL (
  SELECT CASE WHEN f.captured_at IS NULL OR f.captured_at = l.captured_at OR f.followers = 0 THEN NULL
              ELSE round(10000.0 * (l.followers - f.followers) / f.followers)::int END AS bp
  FROM (SELECT x.captured_at, x.followers FROM follower_snapshots x WHERE x.social_account_id = acc.id ORDER BY x.captured_at DESC, x.id DESC LIMIT 1) l
  LEFT JOIN LATERAL (
    SELECT y.captured_at, y.followers FROM follower_snapshots y
    WHERE y.social_account_id = acc.id AND y.captured_at >= l.captured_at - interval '90 days'
    ORDER BY y.captured_at, y.id LIMIT 1
  ) f ON true
) g ON true
WHERE s.id = acc.id;
$$;
--> statement-breakpoint
CREATE FUNCTION social_account_growth_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM social_account_growth_refresh(array_agg(c.social_account_id)) FROM changed c;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER follower_snapshots_growth_insert AFTER INSERT ON follower_snapshots REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION social_account_growth_trigger();
--> statement-breakpoint
CREATE TRIGGER follower_snapshots_growth_update AFTER UPDATE ON follower_snapshots REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION social_account_growth_trigger();
--> statement-breakpoint
CREATE TRIGGER follower_snapshots_growth_delete AFTER DELETE ON follower_snapshots REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION social_account_growth_trigger();
--> statement-breakpoint
-- Backfill what existed before this migration.
SELECT social_account_growth_refresh(array_agg(id)) FROM social_accounts;
--> statement-breakpoint
SELECT roster_stats_refresh(array_agg(brand_id), array_agg(creator_id)) FROM roster_entries;
