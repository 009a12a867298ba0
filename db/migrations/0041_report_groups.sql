-- The performance report's kept totals per creator and per campaign (issue #18; DECISIONS.md "The report reads
-- kept totals"): the sums of report_collab (migration 0040) per brand, currency and creator, and per brand,
-- currency and campaign, so the Reports page reads one screen of creators in cost order from an index and the
-- program row from its campaigns' rows, whatever the number of collaborations. Recomputed from report_collab for
-- the groups a change touched, in the same transaction, under a lock per bucket of groups taken after the
-- collaborations' (always in that order). Never written by the app; report_groups_rebuild() recomputes them all.
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
DECLARE b integer;
BEGIN
  FOR b IN SELECT DISTINCT x FROM (
      SELECT hashtext('c' || u.b || u.r) & 255 AS x FROM unnest(cb, cr) AS u(b, r) WHERE u.r IS NOT NULL
      UNION SELECT (hashtext('k' || u.k) & 255) FROM unnest(kk) AS u(k) WHERE u.k IS NOT NULL) y ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(70401, b);
  END LOOP;
  IF cr IS NOT NULL THEN
    DELETE FROM report_creator g USING unnest(cb, cc, cr) AS u(b, c, r) WHERE g.brand_id = u.b AND g.currency = u.c::bpchar AND g.creator_id = u.r;
    INSERT INTO report_creator
    SELECT rc.brand_id, rc.currency, rc.creator_id, count(*), count(*) FILTER (WHERE rc.ledger_rows > 0), sum(rc.cost_minor), sum(rc.posts),
      sum(rc.impressions), sum(rc.reach), sum(rc.views), sum(rc.likes), sum(rc.comments), sum(rc.shares), sum(rc.saves), sum(rc.clicks), sum(rc.link_clicks)
    FROM report_collab rc
    WHERE (rc.brand_id, rc.currency, rc.creator_id) IN (SELECT DISTINCT u.b, u.c::bpchar, u.r FROM unnest(cb, cc, cr) AS u(b, c, r))
    GROUP BY 1, 2, 3;
  END IF;
  IF kk IS NOT NULL THEN
    DELETE FROM report_campaign g USING unnest(kb, kc, kk) AS u(b, c, k) WHERE g.brand_id = u.b AND g.currency = u.c::bpchar AND g.campaign_id = u.k;
    INSERT INTO report_campaign
    SELECT rc.brand_id, rc.currency, rc.campaign_id, count(*), count(*) FILTER (WHERE rc.ledger_rows > 0), sum(rc.cost_minor), sum(rc.posts),
      sum(rc.impressions), sum(rc.reach), sum(rc.views), sum(rc.likes), sum(rc.comments), sum(rc.shares), sum(rc.saves), sum(rc.clicks), sum(rc.link_clicks)
    FROM report_collab rc
    WHERE (rc.brand_id, rc.currency, rc.campaign_id) IN (SELECT DISTINCT u.b, u.c::bpchar, u.k FROM unnest(kb, kc, kk) AS u(b, c, k))
    GROUP BY 1, 2, 3;
  END IF;
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
CREATE OR REPLACE FUNCTION report_collab_refresh(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
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
CREATE OR REPLACE FUNCTION report_collab_rebuild() RETURNS void LANGUAGE plpgsql AS $$
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
  INSERT INTO report_creator
  SELECT rc.brand_id, rc.currency, rc.creator_id, count(*), count(*) FILTER (WHERE rc.ledger_rows > 0), sum(rc.cost_minor), sum(rc.posts),
    sum(rc.impressions), sum(rc.reach), sum(rc.views), sum(rc.likes), sum(rc.comments), sum(rc.shares), sum(rc.saves), sum(rc.clicks), sum(rc.link_clicks)
  FROM report_collab rc GROUP BY 1, 2, 3;
  INSERT INTO report_campaign
  SELECT rc.brand_id, rc.currency, rc.campaign_id, count(*), count(*) FILTER (WHERE rc.ledger_rows > 0), sum(rc.cost_minor), sum(rc.posts),
    sum(rc.impressions), sum(rc.reach), sum(rc.views), sum(rc.likes), sum(rc.comments), sum(rc.shares), sum(rc.saves), sum(rc.clicks), sum(rc.link_clicks)
  FROM report_collab rc GROUP BY 1, 2, 3;
END
$$;
--> statement-breakpoint
-- The click path adds to the collaboration's row, then refreshes its creator's and campaign's; an offer deleted
-- (its row gone by cascade) refreshes its groups.
CREATE OR REPLACE FUNCTION report_collab_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
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
SELECT report_groups_rebuild();
