CREATE TABLE "post_metrics_latest" (
	"post_id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"snapshot_id" text NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"snapshot_created_at" timestamp with time zone,
	"impressions" bigint,
	"reach" bigint,
	"views" bigint,
	"likes" bigint,
	"comments" bigint,
	"shares" bigint,
	"saves" bigint,
	"clicks" bigint
);
--> statement-breakpoint
DROP INDEX "link_clicks_brand_day_idx";--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "snapshot_followers" integer;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "snapshot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "post_metrics_latest" ADD CONSTRAINT "post_metrics_latest_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_metrics_latest_brand_idx" ON "post_metrics_latest" USING btree ("brand_id","post_id");--> statement-breakpoint
CREATE INDEX "link_clicks_brand_day_link_idx" ON "link_clicks" USING btree ("brand_id","day","link_id");--> statement-breakpoint
CREATE INDEX "tracking_links_brand_idx" ON "tracking_links" USING btree ("brand_id","id","offer_id");
--> statement-breakpoint
-- Hand-written from here (DECISIONS.md "Latest counters per post"). The latest snapshot of each post,
-- in the order reports use (captured_at, then created_at, then id), upserted from statement-level
-- triggers on metric_snapshots in the same transaction as the write. An insert only ever moves the row
-- forward (so two transactions adding snapshots to one post at once cannot leave the older one on
-- top); an update or a delete recomputes it.
CREATE FUNCTION post_metrics_latest_refresh(ids text[], forward_only boolean) RETURNS void LANGUAGE sql AS $$
DELETE FROM post_metrics_latest x
USING (SELECT DISTINCT k.id FROM unnest(ids) AS k(id)) k
WHERE x.post_id = k.id AND NOT EXISTS (SELECT 1 FROM metric_snapshots m WHERE m.post_id = k.id);
INSERT INTO post_metrics_latest AS x (post_id, brand_id, snapshot_id, captured_at, snapshot_created_at, impressions, reach, views, likes, comments, shares, saves, clicks)
SELECT p.id, p.brand_id, l.id, l.captured_at, l.created_at, l.impressions, l.reach, l.views, l.likes, l.comments, l.shares, l.saves, l.clicks
FROM (SELECT DISTINCT k.id FROM unnest(ids) AS k(id)) k
JOIN posts p ON p.id = k.id
JOIN LATERAL (
  SELECT m.id, m.captured_at, m.created_at, m.impressions, m.reach, m.views, m.likes, m.comments, m.shares, m.saves, m.clicks
  FROM metric_snapshots m WHERE m.post_id = k.id
  ORDER BY m.captured_at DESC, m.created_at DESC NULLS LAST, m.id DESC LIMIT 1
) l ON true
ON CONFLICT (post_id) DO UPDATE SET
  brand_id = excluded.brand_id, snapshot_id = excluded.snapshot_id, captured_at = excluded.captured_at,
  snapshot_created_at = excluded.snapshot_created_at, impressions = excluded.impressions, reach = excluded.reach,
  views = excluded.views, likes = excluded.likes, comments = excluded.comments, shares = excluded.shares,
  saves = excluded.saves, clicks = excluded.clicks
WHERE NOT forward_only
   OR (excluded.captured_at, coalesce(excluded.snapshot_created_at, '-infinity'), excluded.snapshot_id)
      > (x.captured_at, coalesce(x.snapshot_created_at, '-infinity'), x.snapshot_id);
$$;
--> statement-breakpoint
CREATE FUNCTION post_metrics_latest_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM post_metrics_latest_refresh(ARRAY(SELECT c.post_id FROM changed c UNION SELECT o.post_id FROM old_rows o), false);
  ELSE
    PERFORM post_metrics_latest_refresh(array_agg(c.post_id), TG_OP = 'INSERT') FROM changed c;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER metric_snapshots_latest_insert AFTER INSERT ON metric_snapshots REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION post_metrics_latest_trigger();
--> statement-breakpoint
CREATE TRIGGER metric_snapshots_latest_update AFTER UPDATE ON metric_snapshots REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION post_metrics_latest_trigger();
--> statement-breakpoint
CREATE TRIGGER metric_snapshots_latest_delete AFTER DELETE ON metric_snapshots REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION post_metrics_latest_trigger();
--> statement-breakpoint
-- The follower refresh of migration 0004 also keeps the latest snapshot's count and time on the account,
-- and writes only the accounts whose values change.
CREATE OR REPLACE FUNCTION social_account_growth_refresh(ids text[]) RETURNS void LANGUAGE sql AS $$
UPDATE social_accounts s SET growth90d_bp = g.bp, snapshot_followers = g.followers, snapshot_at = g.captured_at
FROM (SELECT DISTINCT a.id FROM unnest(ids) AS a(id)) acc
LEFT JOIN LATERAL (
  SELECT l.followers, l.captured_at,
         CASE WHEN f.captured_at IS NULL OR f.captured_at = l.captured_at OR f.followers = 0 THEN NULL
              ELSE round(10000.0 * (l.followers - f.followers) / f.followers)::int END AS bp
  FROM (SELECT x.captured_at, x.followers FROM follower_snapshots x WHERE x.social_account_id = acc.id ORDER BY x.captured_at DESC, x.id DESC LIMIT 1) l
  LEFT JOIN LATERAL (
    SELECT y.captured_at, y.followers FROM follower_snapshots y
    WHERE y.social_account_id = acc.id AND y.captured_at >= l.captured_at - interval '90 days'
    ORDER BY y.captured_at, y.id LIMIT 1
  ) f ON true
) g ON true
WHERE s.id = acc.id
  AND (s.growth90d_bp, s.snapshot_followers, s.snapshot_at) IS DISTINCT FROM (g.bp, g.followers, g.captured_at);
$$;
--> statement-breakpoint
-- Backfill what existed before this migration.
SELECT post_metrics_latest_refresh(array_agg(id), false) FROM posts;
--> statement-breakpoint
SELECT social_account_growth_refresh(array_agg(id)) FROM social_accounts;
