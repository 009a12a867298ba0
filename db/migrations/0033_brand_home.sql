-- The brand home reads its at-risk list in one statement (issue #18, app/services/brands/get-at-risk.server.ts).
-- Without these, "no tracked link or promo code" walked offers_pkey over every brand's offers and probed
-- promo_codes by a sequential scan per collaboration, and "draft due" filtered all of a brand's deliverables.
CREATE INDEX "offers_brand_status_idx" ON "offers" USING btree ("brand_id","status");
--> statement-breakpoint
CREATE INDEX "promo_codes_offer_idx" ON "promo_codes" USING btree ("offer_id");
--> statement-breakpoint
CREATE INDEX "deliverables_brand_status_draft_due_idx" ON "deliverables" USING btree ("brand_id","status","draft_due_on");

--> statement-breakpoint
-- The brand home's program numbers (posts live, reach, EMV) for a period: per brand, publishing day (UTC) and
-- the collaboration's currency, the posts of accepted/active/completed collaborations and the sums of their
-- latest counters (post_metrics_latest) with how many posts reported each (a counter nobody reported stays
-- null, never 0). Recomputed for the (brand, day) pairs a statement touched by statement-level triggers on
-- posts, post_metrics_latest, offers and deliverables, in the same transaction; never written by the app.
-- The home sums at most a period's days (app/services/reports/load-performance.server.ts loadProgramTotals);
-- tests/integration/program-days-drift.test.ts recomputes it from scratch after random sequences of changes.
CREATE TABLE "program_days" (
	"brand_id" text NOT NULL,
	"day" date NOT NULL,
	"currency" char(3) NOT NULL,
	"posts" integer NOT NULL,
	"impressions" bigint,
	"impressions_n" integer DEFAULT 0 NOT NULL,
	"reach" bigint,
	"reach_n" integer DEFAULT 0 NOT NULL,
	"views" bigint,
	"views_n" integer DEFAULT 0 NOT NULL,
	"likes" bigint,
	"likes_n" integer DEFAULT 0 NOT NULL,
	"comments" bigint,
	"comments_n" integer DEFAULT 0 NOT NULL,
	"shares" bigint,
	"shares_n" integer DEFAULT 0 NOT NULL,
	"saves" bigint,
	"saves_n" integer DEFAULT 0 NOT NULL,
	"clicks" bigint,
	"clicks_n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "program_days_pk" PRIMARY KEY ("brand_id","day","currency")
);
--> statement-breakpoint
-- Latest snapshots taken after a period's end (a future-dated import): the home corrects those few posts.
CREATE INDEX "post_metrics_latest_brand_captured_idx" ON "post_metrics_latest" USING btree ("brand_id","captured_at");
--> statement-breakpoint
CREATE FUNCTION program_days_refresh(brands text[], days date[]) RETURNS void LANGUAGE sql AS $$
DELETE FROM program_days pd USING unnest(brands, days) AS k(brand_id, day) WHERE pd.brand_id = k.brand_id AND pd.day = k.day;
INSERT INTO program_days (brand_id, day, currency, posts, impressions, impressions_n, reach, reach_n, views, views_n, likes, likes_n, comments, comments_n, shares, shares_n, saves, saves_n, clicks, clicks_n)
SELECT k.brand_id, k.day, o.currency, count(*), sum(pl.impressions), count(pl.impressions), sum(pl.reach), count(pl.reach), sum(pl.views), count(pl.views), sum(pl.likes), count(pl.likes), sum(pl.comments), count(pl.comments), sum(pl.shares), count(pl.shares), sum(pl.saves), count(pl.saves), sum(pl.clicks), count(pl.clicks)
FROM (SELECT DISTINCT u.brand_id, u.day FROM unnest(brands, days) AS u(brand_id, day)) k
JOIN posts p ON p.brand_id = k.brand_id AND p.posted_at >= (k.day::timestamp AT TIME ZONE 'UTC') AND p.posted_at < ((k.day + 1)::timestamp AT TIME ZONE 'UTC')
JOIN deliverables d ON d.id = p.deliverable_id AND d.brand_id = p.brand_id
JOIN offers o ON o.id = d.offer_id AND o.brand_id = p.brand_id
LEFT JOIN post_metrics_latest pl ON pl.post_id = p.id AND pl.brand_id = p.brand_id
WHERE o.status IN ('accepted', 'active', 'completed')
GROUP BY k.brand_id, k.day, o.currency;
$$;
--> statement-breakpoint
CREATE FUNCTION program_days_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  b text[];
  d date[];
BEGIN
  IF TG_TABLE_NAME = 'posts' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(x.brand_id), array_agg(x.day) INTO b, d FROM (SELECT c.brand_id, (c.posted_at AT TIME ZONE 'UTC')::date AS day FROM changed c UNION SELECT o.brand_id, (o.posted_at AT TIME ZONE 'UTC')::date FROM old_rows o) x;
    ELSE
      SELECT array_agg(x.brand_id), array_agg(x.day) INTO b, d FROM (SELECT DISTINCT c.brand_id, (c.posted_at AT TIME ZONE 'UTC')::date AS day FROM changed c) x;
    END IF;
  ELSIF TG_TABLE_NAME = 'post_metrics_latest' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(x.brand_id), array_agg(x.day) INTO b, d FROM (SELECT DISTINCT p.brand_id, (p.posted_at AT TIME ZONE 'UTC')::date AS day FROM posts p WHERE p.id IN (SELECT post_id FROM changed UNION SELECT post_id FROM old_rows)) x;
    ELSE
      SELECT array_agg(x.brand_id), array_agg(x.day) INTO b, d FROM (SELECT DISTINCT p.brand_id, (p.posted_at AT TIME ZONE 'UTC')::date AS day FROM posts p WHERE p.id IN (SELECT post_id FROM changed)) x;
    END IF;
  ELSIF TG_TABLE_NAME = 'offers' THEN
    -- an update (status, currency, brand) of an offer, or a deletion: the days of its posts
    SELECT array_agg(x.brand_id), array_agg(x.day) INTO b, d FROM (SELECT DISTINCT p.brand_id, (p.posted_at AT TIME ZONE 'UTC')::date AS day FROM posts p JOIN deliverables dd ON dd.id = p.deliverable_id WHERE dd.offer_id IN (SELECT id FROM changed)) x;
  ELSE
    -- deliverables: moved to another offer or brand
    SELECT array_agg(x.brand_id), array_agg(x.day) INTO b, d FROM (SELECT DISTINCT p.brand_id, (p.posted_at AT TIME ZONE 'UTC')::date AS day FROM posts p WHERE p.deliverable_id IN (SELECT id FROM changed)) x;
  END IF;
  IF b IS NOT NULL THEN
    PERFORM program_days_refresh(b, d);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER posts_program_days_insert AFTER INSERT ON posts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_days_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_program_days_update AFTER UPDATE ON posts REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_days_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_program_days_delete AFTER DELETE ON posts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_days_trigger();
--> statement-breakpoint
CREATE TRIGGER post_metrics_latest_program_days_insert AFTER INSERT ON post_metrics_latest REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_days_trigger();
--> statement-breakpoint
CREATE TRIGGER post_metrics_latest_program_days_update AFTER UPDATE ON post_metrics_latest REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_days_trigger();
--> statement-breakpoint
CREATE TRIGGER post_metrics_latest_program_days_delete AFTER DELETE ON post_metrics_latest REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_days_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_program_days_update AFTER UPDATE ON offers REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_days_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_program_days_delete AFTER DELETE ON offers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_days_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_program_days_update AFTER UPDATE ON deliverables REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_days_trigger();
--> statement-breakpoint
-- What is there already.
SELECT program_days_refresh(array_agg(x.brand_id), array_agg(x.day)) FROM (SELECT DISTINCT p.brand_id, (p.posted_at AT TIME ZONE 'UTC')::date AS day FROM posts p) x WHERE EXISTS (SELECT 1 FROM posts);
