-- The performance report's raw totals per collaboration (issue #18; DECISIONS.md "The report reads kept
-- totals"): one row per accepted/active/completed offer with what the undated report sums for it — its posts,
-- the sums of their latest counters (post_metrics_latest) with how many posts reported each (none = null,
-- never 0), its tracked-link clicks, and its cost (its share of committed, app/domain/money-figures.ts) with
-- the ledger rows behind it. Recomputed for the offers a statement touched by statement-level triggers, in the
-- same transaction, under a lock per bucket of offers taken before reading (a refresh that read before another
-- transaction's commit would write an old count over the new one); link clicks are added as they come.
-- report_creator and report_campaign sum them per creator and per campaign.
-- Never written by the app. report_collab_compute is the one SQL definition; report_collab_rebuild()
-- recomputes every row; tests/integration/report-collab-drift.test.ts checks both after random changes, and
-- that the report read from these rows equals the report computed from the facts.
CREATE TABLE "report_collab" (
	"offer_id" text PRIMARY KEY NOT NULL REFERENCES "offers"("id") ON DELETE CASCADE,
	"brand_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"posts" integer DEFAULT 0 NOT NULL,
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
	"link_clicks" bigint DEFAULT 0 NOT NULL,
	"cost_minor" bigint DEFAULT 0 NOT NULL,
	"ledger_rows" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- One brand's rows in one currency, by creator (the per-creator report) and by cost (its first screen).
CREATE INDEX "report_collab_brand_creator_idx" ON "report_collab" USING btree ("brand_id","currency","creator_id");
--> statement-breakpoint
CREATE INDEX "report_collab_campaign_idx" ON "report_collab" USING btree ("campaign_id");
--> statement-breakpoint
-- "Extend rights" offers of a collaboration: their cost is the collaboration's usage.
CREATE INDEX "offers_extends_idx" ON "offers" USING btree ("extends_offer_id") WHERE "extends_offer_id" IS NOT NULL;
--> statement-breakpoint
-- The collaboration an offer's money belongs to (campaignMoney's collabOf): the offer it extends when that one
-- is in the same campaign, else itself.
CREATE FUNCTION report_collab_target(o offers) RETURNS text LANGUAGE sql STABLE AS $$
SELECT CASE WHEN o.extends_offer_id IS NOT NULL AND EXISTS (
  SELECT 1 FROM offers t WHERE t.id = o.extends_offer_id AND t.campaign_id = o.campaign_id AND t.brand_id = o.brand_id)
THEN o.extends_offer_id ELSE o.id END
$$;
--> statement-breakpoint
-- The rows for these offers (those that are collaborations), as the facts say now.
CREATE FUNCTION report_collab_compute(ids text[]) RETURNS SETOF report_collab LANGUAGE sql STABLE AS $$
SELECT o.id, o.brand_id, o.creator_id, o.campaign_id, o.currency,
  coalesce(p.posts, 0)::integer,
  p.impressions, coalesce(p.impressions_n, 0)::integer, p.reach, coalesce(p.reach_n, 0)::integer,
  p.views, coalesce(p.views_n, 0)::integer, p.likes, coalesce(p.likes_n, 0)::integer,
  p.comments, coalesce(p.comments_n, 0)::integer, p.shares, coalesce(p.shares_n, 0)::integer,
  p.saves, coalesce(p.saves_n, 0)::integer, p.clicks, coalesce(p.clicks_n, 0)::integer,
  (SELECT count(*) FROM tracking_links l JOIN link_clicks c ON c.link_id = l.id AND c.brand_id = o.brand_id
   WHERE l.offer_id = o.id AND l.brand_id = o.brand_id),
  coalesce(m.cost, 0),
  coalesce(m.ledger_rows, 0)::integer
FROM offers o
LEFT JOIN LATERAL (
  SELECT count(*) AS posts,
    sum(pl.impressions) AS impressions, count(pl.impressions) AS impressions_n, sum(pl.reach) AS reach, count(pl.reach) AS reach_n,
    sum(pl.views) AS views, count(pl.views) AS views_n, sum(pl.likes) AS likes, count(pl.likes) AS likes_n,
    sum(pl.comments) AS comments, count(pl.comments) AS comments_n, sum(pl.shares) AS shares, count(pl.shares) AS shares_n,
    sum(pl.saves) AS saves, count(pl.saves) AS saves_n, sum(pl.clicks) AS clicks, count(pl.clicks) AS clicks_n
  FROM deliverables d
  JOIN posts pp ON pp.deliverable_id = d.id AND pp.brand_id = d.brand_id
  LEFT JOIN post_metrics_latest pl ON pl.post_id = pp.id AND pl.brand_id = pp.brand_id
  WHERE d.offer_id = o.id AND d.brand_id = o.brand_id
) p ON true
LEFT JOIN LATERAL (
  -- campaignMoney (app/domain/money-figures.ts) for the one collaboration: in the campaign's currency only,
  -- each committed offer charged to it (itself, its "extend rights" offers) costs its ledger 'fee' entries when
  -- it has any, else its contracted fee, plus its usage fee; every other cost entry of an offer charged to it
  -- counts whatever that offer's state. Ledger rows: the entries behind it ('fee' ones of committed offers only).
  SELECT
    coalesce((SELECT sum(CASE WHEN EXISTS (SELECT 1 FROM cost_entries e WHERE e.campaign_id = k.id AND e.brand_id = o.brand_id AND e.offer_id = oo.id AND e.kind = 'fee' AND btrim(e.currency) = btrim(k.currency))
                     THEN (SELECT sum(e.amount_minor) FROM cost_entries e WHERE e.campaign_id = k.id AND e.brand_id = o.brand_id AND e.offer_id = oo.id AND e.kind = 'fee' AND btrim(e.currency) = btrim(k.currency))
                     ELSE oo.fee_minor END + oo.usage_fee_minor)
     FROM offers oo
     WHERE oo.campaign_id = k.id AND oo.brand_id = o.brand_id AND (oo.id = o.id OR oo.extends_offer_id = o.id)
       AND report_collab_target(oo) = o.id
       AND oo.status IN ('accepted', 'active', 'completed') AND btrim(oo.currency) = btrim(k.currency)), 0)
    + coalesce((SELECT sum(e.amount_minor) FROM cost_entries e JOIN offers oo ON oo.id = e.offer_id AND oo.campaign_id = k.id AND oo.brand_id = o.brand_id
       WHERE e.campaign_id = k.id AND e.brand_id = o.brand_id AND e.kind <> 'fee' AND btrim(e.currency) = btrim(k.currency)
         AND (oo.id = o.id OR oo.extends_offer_id = o.id) AND report_collab_target(oo) = o.id), 0) AS cost,
    (SELECT count(*) FROM cost_entries e JOIN offers oo ON oo.id = e.offer_id AND oo.campaign_id = k.id AND oo.brand_id = o.brand_id
       WHERE e.campaign_id = k.id AND e.brand_id = o.brand_id AND btrim(e.currency) = btrim(k.currency)
         AND (oo.id = o.id OR oo.extends_offer_id = o.id) AND report_collab_target(oo) = o.id
         AND (e.kind <> 'fee' OR oo.status IN ('accepted', 'active', 'completed'))) AS ledger_rows
  FROM campaigns k WHERE k.id = o.campaign_id
) m ON true
WHERE o.id IN (SELECT unnest(ids)) AND o.status IN ('accepted', 'active', 'completed')
$$;
--> statement-breakpoint
-- Locks the buckets of these offers (at most 256, in order, so two statements never wait on each other in a
-- circle), then recomputes their rows: a row whose offer is no longer a collaboration goes.
CREATE FUNCTION report_collab_lock(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE b integer;
BEGIN
  FOR b IN SELECT DISTINCT (hashtext(u.id) & 255) AS b FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(70400, b);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Per creator and per campaign (and currency): report_collab summed, so the Reports page reads one screen of
-- creators in cost order from an index and the program row from its campaigns' rows. Refreshed with the
-- collaborations' rows, under a lock per bucket of groups taken after the collaborations' (always in that order).
CREATE TABLE "report_creator" (
	"brand_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"creator_id" text NOT NULL,
	"n" integer NOT NULL,
	"ledger" integer NOT NULL,
	"cost_minor" bigint NOT NULL,
	"posts" bigint NOT NULL,
	"impressions" numeric,
	"reach" numeric,
	"views" numeric,
	"likes" numeric,
	"comments" numeric,
	"shares" numeric,
	"saves" numeric,
	"clicks" numeric,
	"link_clicks" numeric NOT NULL,
	CONSTRAINT "report_creator_pk" PRIMARY KEY ("brand_id","currency","creator_id")
);
--> statement-breakpoint
-- The first screen of the per-creator report (cost, highest first) and the chart's top creators: an index range.
CREATE INDEX "report_creator_cost_idx" ON "report_creator" USING btree ("brand_id","currency","cost_minor");
--> statement-breakpoint
CREATE TABLE "report_campaign" (
	"brand_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"campaign_id" text NOT NULL,
	"n" integer NOT NULL,
	"ledger" integer NOT NULL,
	"cost_minor" bigint NOT NULL,
	"posts" bigint NOT NULL,
	"impressions" numeric,
	"reach" numeric,
	"views" numeric,
	"likes" numeric,
	"comments" numeric,
	"shares" numeric,
	"saves" numeric,
	"clicks" numeric,
	"link_clicks" numeric NOT NULL,
	CONSTRAINT "report_campaign_pk" PRIMARY KEY ("brand_id","currency","campaign_id")
);
--> statement-breakpoint
CREATE INDEX "report_campaign_campaign_idx" ON "report_campaign" USING btree ("campaign_id");
--> statement-breakpoint
-- The per-collaboration report's first screen in cost order.
CREATE INDEX "report_collab_cost_idx" ON "report_collab" USING btree ("brand_id","currency","cost_minor");
--> statement-breakpoint
-- Recomputes the creator groups (brand, currency, creator) and campaign groups (brand, currency, campaign) given
-- as parallel arrays, from report_collab as it is now, after locking their buckets in order.
CREATE FUNCTION report_groups_refresh(cb text[], cc text[], cr text[], kb text[], kc text[], kk text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE b integer; g record;
BEGIN
  FOR b IN SELECT DISTINCT x FROM (
      SELECT hashtext('c' || u.b || u.r) & 255 AS x FROM unnest(cb, cr) AS u(b, r) WHERE u.r IS NOT NULL
      UNION SELECT (hashtext('k' || u.k) & 255) FROM unnest(kk) AS u(k) WHERE u.k IS NOT NULL) y ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(70401, b);
  END LOOP;
  -- the same sums for both kinds of group: per creator, per campaign
  FOR g IN SELECT * FROM (VALUES ('report_creator', 'creator_id', cb, cc, cr), ('report_campaign', 'campaign_id', kb, kc, kk)) AS v(tbl, col, bs, cs, ks) LOOP
    CONTINUE WHEN g.ks IS NULL;
    EXECUTE format('DELETE FROM %I g USING unnest($1, $2, $3) AS u(b, c, k) WHERE g.brand_id = u.b AND g.currency = u.c::bpchar AND g.%I = u.k', g.tbl, g.col) USING g.bs, g.cs, g.ks;
    EXECUTE format('INSERT INTO %1$I (brand_id, currency, %2$I, n, ledger, cost_minor, posts, impressions, reach, views, likes, comments, shares, saves, clicks, link_clicks)
      SELECT rc.brand_id, rc.currency, rc.%2$I, count(*), count(*) FILTER (WHERE rc.ledger_rows > 0), sum(rc.cost_minor), sum(rc.posts),
        sum(rc.impressions), sum(rc.reach), sum(rc.views), sum(rc.likes), sum(rc.comments), sum(rc.shares), sum(rc.saves), sum(rc.clicks), sum(rc.link_clicks)
      FROM report_collab rc
      WHERE (rc.brand_id, rc.currency, rc.%2$I) IN (SELECT DISTINCT u.b, u.c::bpchar, u.k FROM unnest($1, $2, $3) AS u(b, c, k))
      GROUP BY 1, 2, 3', g.tbl, g.col) USING g.bs, g.cs, g.ks;
  END LOOP;
END
$$;
--> statement-breakpoint
-- The groups of these collaboration rows (before and after a change), refreshed.
CREATE FUNCTION report_groups_of(rows report_collab[]) RETURNS void LANGUAGE sql AS $$
SELECT report_groups_refresh(array_agg(r.brand_id), array_agg(r.currency::text), array_agg(r.creator_id), array_agg(r.brand_id), array_agg(r.currency::text), array_agg(r.campaign_id))
FROM unnest(rows) AS r
HAVING count(*) > 0;
$$;
--> statement-breakpoint
CREATE FUNCTION report_collab_refresh(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE k text[]; before report_collab[]; after report_collab[];
BEGIN
  SELECT array_agg(DISTINCT u.id) INTO k FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL;
  IF k IS NULL THEN RETURN; END IF;
  PERFORM report_collab_lock(k);
  SELECT array_agg(r) INTO before FROM report_collab r WHERE r.offer_id = ANY (k);
  DELETE FROM report_collab r WHERE r.offer_id = ANY (k);
  WITH ins AS (INSERT INTO report_collab SELECT * FROM report_collab_compute(k) RETURNING *)
  SELECT array_agg(ins) INTO after FROM ins;
  PERFORM report_groups_of(coalesce(before, '{}') || coalesce(after, '{}'));
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_collab_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_collab;
  INSERT INTO report_collab SELECT * FROM report_collab_compute(ARRAY(SELECT o.id FROM offers o WHERE o.status IN ('accepted', 'active', 'completed')));
  PERFORM report_groups_rebuild();
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_groups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_creator;
  DELETE FROM report_campaign;
  PERFORM report_groups_refresh(array_agg(rc.brand_id), array_agg(rc.currency::text), array_agg(rc.creator_id), array_agg(rc.brand_id), array_agg(rc.currency::text), array_agg(rc.campaign_id))
  FROM report_collab rc HAVING count(*) > 0;
END
$$;
--> statement-breakpoint
-- The click path adds to the collaboration's row, then refreshes its creator's and campaign's; an offer deleted
-- (its row gone by cascade) refreshes its groups.
CREATE FUNCTION report_collab_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids text[]; touched report_collab[];
BEGIN
  IF TG_TABLE_NAME = 'link_clicks' AND TG_OP = 'INSERT' THEN
    -- the hot path (a click): add, do not recount
    SELECT array_agg(DISTINCT l.offer_id) INTO ids FROM changed c JOIN tracking_links l ON l.id = c.link_id;
    IF ids IS NULL THEN RETURN NULL; END IF;
    PERFORM report_collab_lock(ids);
    WITH up AS (
      UPDATE report_collab r SET link_clicks = r.link_clicks + x.n
      FROM (SELECT l.offer_id, l.brand_id, count(*) AS n FROM changed c JOIN tracking_links l ON l.id = c.link_id AND l.brand_id = c.brand_id GROUP BY 1, 2) x
      WHERE r.offer_id = x.offer_id AND r.brand_id = x.brand_id
      RETURNING r.*)
    SELECT array_agg(up) INTO touched FROM up;
    IF touched IS NOT NULL THEN PERFORM report_groups_of(touched); END IF;
    RETURN NULL;
  ELSIF TG_TABLE_NAME = 'link_clicks' THEN
    SELECT array_agg(l.offer_id) INTO ids FROM changed c JOIN tracking_links l ON l.id = c.link_id;
  ELSIF TG_TABLE_NAME = 'tracking_links' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(x.id) INTO ids FROM (SELECT c.offer_id AS id FROM changed c JOIN old_rows o ON o.id = c.id WHERE (c.offer_id, c.brand_id) IS DISTINCT FROM (o.offer_id, o.brand_id)
        UNION SELECT o.offer_id FROM changed c JOIN old_rows o ON o.id = c.id WHERE (c.offer_id, c.brand_id) IS DISTINCT FROM (o.offer_id, o.brand_id)) x;
    ELSE
      SELECT array_agg(c.offer_id) INTO ids FROM changed c;
    END IF;
  ELSIF TG_TABLE_NAME = 'posts' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(d.offer_id) INTO ids FROM deliverables d WHERE d.id IN (
        SELECT c.deliverable_id FROM changed c JOIN old_rows o ON o.id = c.id WHERE (c.deliverable_id, c.brand_id) IS DISTINCT FROM (o.deliverable_id, o.brand_id)
        UNION SELECT o.deliverable_id FROM changed c JOIN old_rows o ON o.id = c.id WHERE (c.deliverable_id, c.brand_id) IS DISTINCT FROM (o.deliverable_id, o.brand_id));
    ELSE
      SELECT array_agg(d.offer_id) INTO ids FROM deliverables d WHERE d.id IN (SELECT c.deliverable_id FROM changed c);
    END IF;
  ELSIF TG_TABLE_NAME = 'post_metrics_latest' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(d.offer_id) INTO ids FROM posts p JOIN deliverables d ON d.id = p.deliverable_id WHERE p.id IN (SELECT post_id FROM changed UNION SELECT post_id FROM old_rows);
    ELSE
      SELECT array_agg(d.offer_id) INTO ids FROM posts p JOIN deliverables d ON d.id = p.deliverable_id WHERE p.id IN (SELECT post_id FROM changed);
    END IF;
  ELSIF TG_TABLE_NAME = 'deliverables' THEN
    IF TG_OP = 'UPDATE' THEN
      -- a status change moves nothing here; only a deliverable moved to another offer or brand does
      SELECT array_agg(x.id) INTO ids FROM (SELECT c.offer_id AS id FROM changed c JOIN old_rows o ON o.id = c.id WHERE (c.offer_id, c.brand_id) IS DISTINCT FROM (o.offer_id, o.brand_id)
        UNION SELECT o.offer_id FROM changed c JOIN old_rows o ON o.id = c.id WHERE (c.offer_id, c.brand_id) IS DISTINCT FROM (o.offer_id, o.brand_id)) x;
    ELSE
      SELECT array_agg(c.offer_id) INTO ids FROM changed c;
    END IF;
  ELSIF TG_TABLE_NAME = 'offers' THEN
    -- the offers whose money or collaboration changed, the collaborations they extend (before and after), and
    -- the offers extending them (whose collaboration depends on the campaign of the one they extend)
    IF TG_OP = 'UPDATE' THEN
      WITH moved AS (
        SELECT c.id, c.extends_offer_id AS ext, o.extends_offer_id AS old_ext FROM changed c JOIN old_rows o ON o.id = c.id
        WHERE (c.status, c.fee_minor, c.usage_fee_minor, c.currency, c.campaign_id, c.creator_id, c.brand_id, c.extends_offer_id)
          IS DISTINCT FROM (o.status, o.fee_minor, o.usage_fee_minor, o.currency, o.campaign_id, o.creator_id, o.brand_id, o.extends_offer_id))
      SELECT array_agg(x.id) INTO ids FROM (
        SELECT id FROM moved UNION SELECT ext FROM moved UNION SELECT old_ext FROM moved
        UNION SELECT e.id FROM offers e WHERE e.extends_offer_id IN (SELECT id FROM moved)) x;
    ELSIF TG_OP = 'INSERT' THEN
      SELECT array_agg(x.id) INTO ids FROM (SELECT c.id FROM changed c UNION SELECT c.extends_offer_id FROM changed c
        UNION SELECT e.id FROM offers e WHERE e.extends_offer_id IN (SELECT id FROM changed)) x;
    ELSE
      SELECT array_agg(x.id) INTO ids FROM (SELECT c.extends_offer_id AS id FROM changed c UNION SELECT e.id FROM offers e WHERE e.extends_offer_id IN (SELECT id FROM changed)) x;
      IF ids IS NOT NULL THEN PERFORM report_collab_refresh(ids); END IF;
      -- the deleted offers' rows went by cascade: their creators' and campaigns' sums follow
      PERFORM report_groups_refresh(array_agg(c.brand_id), array_agg(c.currency::text), array_agg(c.creator_id), array_agg(c.brand_id), array_agg(c.currency::text), array_agg(c.campaign_id))
      FROM changed c WHERE c.status IN ('accepted', 'active', 'completed') HAVING count(*) > 0;
      RETURN NULL;
    END IF;
  ELSIF TG_TABLE_NAME = 'cost_entries' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(x.id) INTO ids FROM (SELECT offer_id AS id FROM changed UNION SELECT offer_id FROM old_rows) y
        CROSS JOIN LATERAL (SELECT y.id UNION SELECT oo.extends_offer_id FROM offers oo WHERE oo.id = y.id) x;
    ELSE
      SELECT array_agg(x.id) INTO ids FROM (SELECT DISTINCT offer_id AS id FROM changed) y
        CROSS JOIN LATERAL (SELECT y.id UNION SELECT oo.extends_offer_id FROM offers oo WHERE oo.id = y.id) x;
    END IF;
  ELSIF TG_TABLE_NAME = 'campaigns' THEN
    -- the campaign's currency decides which amounts count
    SELECT array_agg(o.id) INTO ids FROM offers o WHERE o.campaign_id IN (
      SELECT c.id FROM changed c JOIN old_rows x ON x.id = c.id WHERE c.currency IS DISTINCT FROM x.currency);
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM report_collab_refresh(ids);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER link_clicks_report_collab_insert AFTER INSERT ON link_clicks REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER link_clicks_report_collab_delete AFTER DELETE ON link_clicks REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER tracking_links_report_collab_update AFTER UPDATE ON tracking_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER tracking_links_report_collab_delete AFTER DELETE ON tracking_links REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_report_collab_insert AFTER INSERT ON posts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_report_collab_update AFTER UPDATE ON posts REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER posts_report_collab_delete AFTER DELETE ON posts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER post_metrics_latest_report_collab_insert AFTER INSERT ON post_metrics_latest REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER post_metrics_latest_report_collab_update AFTER UPDATE ON post_metrics_latest REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER post_metrics_latest_report_collab_delete AFTER DELETE ON post_metrics_latest REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_report_collab_update AFTER UPDATE ON deliverables REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_report_collab_delete AFTER DELETE ON deliverables REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_report_collab_insert AFTER INSERT ON offers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_report_collab_update AFTER UPDATE ON offers REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_report_collab_delete AFTER DELETE ON offers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER cost_entries_report_collab_insert AFTER INSERT ON cost_entries REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER cost_entries_report_collab_update AFTER UPDATE ON cost_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER cost_entries_report_collab_delete AFTER DELETE ON cost_entries REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
CREATE TRIGGER campaigns_report_collab_update AFTER UPDATE ON campaigns REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_collab_trigger();
--> statement-breakpoint
-- What is there already.
SELECT report_collab_rebuild();
