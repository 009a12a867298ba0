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
-- Roster sort keys (DECISIONS.md "Roster sort keys"): recomputed for one brand x creator in the same
-- transaction as any change that moves them. Hand-written below the generated part of this migration.
CREATE FUNCTION roster_stats_refresh(p_brand text, p_creator text) RETURNS void LANGUAGE sql AS $$
UPDATE roster_entries r SET
  top_followers = coalesce((SELECT max(s.followers) FROM social_accounts s WHERE s.creator_id = p_creator), 0),
  last_collaboration_at = (
    SELECT max(coalesce(o.accepted_at, o.sent_at)) FROM offers o
    WHERE o.brand_id = p_brand AND o.creator_id = p_creator AND o.status IN ('accepted', 'active', 'completed')),
  total_paid_minor = coalesce((
    SELECT sum(i.total_minor) FROM invoices i JOIN brands b ON b.id = i.brand_id
    WHERE i.brand_id = p_brand AND i.creator_id = p_creator AND i.status = 'paid' AND i.currency = b.currency), 0),
  on_time_rate_bp = (
    SELECT CASE WHEN count(*) = 0 THEN NULL ELSE (10000 * count(*) FILTER (WHERE e.ok) / count(*))::int END
    FROM (
      SELECT (SELECT min(v.submitted_at) FROM draft_versions v WHERE v.deliverable_id = d.id) AT TIME ZONE 'UTC' < (d.draft_due_on + 1)::timestamp AS ok
      FROM deliverables d
      WHERE d.brand_id = p_brand AND d.creator_id = p_creator AND d.draft_due_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM draft_versions v WHERE v.deliverable_id = d.id)
      UNION ALL
      SELECT p.posted_at AT TIME ZONE 'UTC' < (d.post_window_end + 1)::timestamp
      FROM posts p JOIN deliverables d ON d.id = p.deliverable_id
      WHERE p.brand_id = p_brand AND p.creator_id = p_creator AND d.post_window_end IS NOT NULL
    ) e)
WHERE r.brand_id = p_brand AND r.creator_id = p_creator;
$$;
--> statement-breakpoint
CREATE FUNCTION roster_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec record;
BEGIN
  IF TG_OP = 'DELETE' THEN rec := OLD; ELSE rec := NEW; END IF;
  IF TG_TABLE_NAME = 'draft_versions' THEN
    PERFORM roster_stats_refresh(d.brand_id, d.creator_id) FROM deliverables d WHERE d.id = rec.deliverable_id;
  ELSIF TG_TABLE_NAME = 'social_accounts' THEN
    PERFORM roster_stats_refresh(r.brand_id, r.creator_id) FROM roster_entries r WHERE r.creator_id = rec.creator_id;
  ELSE
    PERFORM roster_stats_refresh(rec.brand_id, rec.creator_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER roster_entries_stats AFTER INSERT ON roster_entries FOR EACH ROW EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_roster_stats AFTER INSERT OR DELETE OR UPDATE OF status, accepted_at, sent_at ON offers FOR EACH ROW EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_roster_stats AFTER INSERT OR DELETE OR UPDATE OF status, total_minor, currency ON invoices FOR EACH ROW EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_roster_stats AFTER INSERT OR DELETE OR UPDATE OF draft_due_on, post_window_end ON deliverables FOR EACH ROW EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER draft_versions_roster_stats AFTER INSERT OR DELETE ON draft_versions FOR EACH ROW EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_roster_stats AFTER INSERT OR DELETE OR UPDATE OF posted_at ON posts FOR EACH ROW EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER social_accounts_roster_stats AFTER INSERT OR DELETE OR UPDATE OF followers, creator_id ON social_accounts FOR EACH ROW EXECUTE FUNCTION roster_stats_trigger();
--> statement-breakpoint
-- Follower growth over the 90 days up to an account's latest snapshot, in basis points.
CREATE FUNCTION social_account_growth_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  acc text;
BEGIN
  IF TG_OP = 'DELETE' THEN acc := OLD.social_account_id; ELSE acc := NEW.social_account_id; END IF;
  UPDATE social_accounts s SET growth90d_bp = g.bp
  FROM (
    SELECT CASE WHEN w.first_at IS NULL OR w.first_at = w.last_at OR w.first_followers = 0 THEN NULL
                ELSE round(10000.0 * (w.last_followers - w.first_followers) / w.first_followers)::int END AS bp
    FROM (
      SELECT
        (SELECT f.captured_at FROM follower_snapshots f WHERE f.social_account_id = acc AND f.captured_at >= l.captured_at - interval '90 days' ORDER BY f.captured_at, f.id LIMIT 1) AS first_at,
        (SELECT f.followers FROM follower_snapshots f WHERE f.social_account_id = acc AND f.captured_at >= l.captured_at - interval '90 days' ORDER BY f.captured_at, f.id LIMIT 1) AS first_followers,
        l.captured_at AS last_at,
        l.followers AS last_followers
      FROM (SELECT f.captured_at, f.followers FROM follower_snapshots f WHERE f.social_account_id = acc ORDER BY f.captured_at DESC, f.id DESC LIMIT 1) l
      UNION ALL SELECT NULL, NULL, NULL, NULL
      LIMIT 1
    ) w
  ) g
  WHERE s.id = acc;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER follower_snapshots_growth AFTER INSERT OR DELETE OR UPDATE OF followers, captured_at ON follower_snapshots FOR EACH ROW EXECUTE FUNCTION social_account_growth_trigger();
--> statement-breakpoint
-- Backfill what existed before this migration.
SELECT roster_stats_refresh(brand_id, creator_id) FROM roster_entries;
--> statement-breakpoint
UPDATE follower_snapshots SET followers = followers;
