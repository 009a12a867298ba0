-- The program's money per currency (the brand home's spend and the budget page's program line): the sums of
-- the brand's campaign_money rows, which both pages added up on each view over every campaign of the brand
-- (0.5 ms at 1x, 3.4 ms at 10x with 500 campaigns; issue #18). Kept here per brand and currency, and the
-- committed amounts per cost kind with how many campaigns have an amount of the kind, by a statement-level
-- trigger on campaign_money that adds what a statement changed (the new rows minus the old ones), in the same
-- transaction. Deltas, not a recomputation: a money write costs what it changed, not the brand's campaign
-- count. The newest campaign's creation time (the order currencies are shown in) is recomputed only for a
-- currency a campaign left. Never written by the app; read by getProgramFigures
-- (app/services/budget/get-money-summaries.server.ts). tests/integration/campaign-money-drift.test.ts checks
-- it against the sums of campaign_money after random sequences of changes.
CREATE TABLE "program_money" (
	"brand_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"campaigns" integer NOT NULL,
	"newest_campaign_at" timestamp with time zone,
	"planned_minor" bigint NOT NULL,
	"committed_minor" bigint NOT NULL,
	"invoiced_minor" bigint NOT NULL,
	"paid_minor" bigint NOT NULL,
	CONSTRAINT "program_money_pk" PRIMARY KEY ("brand_id","currency")
);
--> statement-breakpoint
CREATE TABLE "program_money_kinds" (
	"brand_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"kind" text NOT NULL,
	"total_minor" numeric NOT NULL,
	"campaigns" integer NOT NULL,
	CONSTRAINT "program_money_kinds_pk" PRIMARY KEY ("brand_id","currency","kind")
);
--> statement-breakpoint
-- Adds signed campaign_money rows (+1 new, -1 old) to the program rows, then drops what no campaign holds
-- and recomputes the newest campaign of the currencies in `left_keys` (brand, currency pairs a campaign left).
CREATE FUNCTION program_money_apply(d jsonb, left_brands text[], left_currencies text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO program_money AS p (brand_id, currency, campaigns, newest_campaign_at, planned_minor, committed_minor, invoiced_minor, paid_minor)
  SELECT x.brand_id, x.currency, sum(x.sign), max(c.created_at) FILTER (WHERE x.sign > 0),
    sum(x.sign * x.planned_minor), sum(x.sign * x.committed_minor), sum(x.sign * x.invoiced_minor), sum(x.sign * x.paid_minor)
  FROM jsonb_to_recordset(d) AS x(sign int, campaign_id text, brand_id text, currency char(3), planned_minor bigint, committed_minor bigint, invoiced_minor bigint, paid_minor bigint, by_kind jsonb)
  LEFT JOIN campaigns c ON c.id = x.campaign_id
  GROUP BY x.brand_id, x.currency
  ORDER BY x.brand_id, x.currency -- two transactions lock the rows they share in the same order
  ON CONFLICT (brand_id, currency) DO UPDATE SET
    campaigns = p.campaigns + excluded.campaigns,
    newest_campaign_at = greatest(p.newest_campaign_at, excluded.newest_campaign_at),
    planned_minor = p.planned_minor + excluded.planned_minor,
    committed_minor = p.committed_minor + excluded.committed_minor,
    invoiced_minor = p.invoiced_minor + excluded.invoiced_minor,
    paid_minor = p.paid_minor + excluded.paid_minor;
  INSERT INTO program_money_kinds AS p (brand_id, currency, kind, total_minor, campaigns)
  SELECT x.brand_id, x.currency, e.key, sum(x.sign * e.value::numeric), sum(x.sign)
  FROM jsonb_to_recordset(d) AS x(sign int, brand_id text, currency char(3), by_kind jsonb)
  CROSS JOIN LATERAL jsonb_each_text(x.by_kind) e
  GROUP BY x.brand_id, x.currency, e.key
  ORDER BY x.brand_id, x.currency, e.key
  ON CONFLICT (brand_id, currency, kind) DO UPDATE SET
    total_minor = p.total_minor + excluded.total_minor,
    campaigns = p.campaigns + excluded.campaigns;
  DELETE FROM program_money_kinds k USING (SELECT DISTINCT x.brand_id, x.currency FROM jsonb_to_recordset(d) AS x(brand_id text, currency char(3))) t
    WHERE k.brand_id = t.brand_id AND k.currency = t.currency AND k.campaigns = 0;
  DELETE FROM program_money p USING (SELECT DISTINCT x.brand_id, x.currency FROM jsonb_to_recordset(d) AS x(brand_id text, currency char(3))) t
    WHERE p.brand_id = t.brand_id AND p.currency = t.currency AND p.campaigns = 0;
  IF left_brands IS NOT NULL THEN
    UPDATE program_money p SET newest_campaign_at = (
      SELECT max(c.created_at) FROM campaign_money m JOIN campaigns c ON c.id = m.campaign_id
      WHERE m.brand_id = p.brand_id AND m.currency = p.currency)
    FROM unnest(left_brands, left_currencies) AS l(brand_id, currency)
    WHERE p.brand_id = l.brand_id AND p.currency = l.currency::char(3);
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION program_money_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d jsonb;
  lb text[];
  lc text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(to_jsonb(n) || '{"sign": 1}') INTO d FROM changed n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(to_jsonb(o) || '{"sign": -1}') INTO d FROM old_rows o;
    SELECT array_agg(o.brand_id), array_agg(o.currency::text) INTO lb, lc FROM (SELECT DISTINCT brand_id, currency FROM old_rows) o;
  ELSE
    -- an update leaves the rows whose every column is unchanged out (campaign_money_refresh rewrites each
    -- campaign it is asked about, most of them as they were)
    SELECT jsonb_agg(x.r) INTO d FROM (
      SELECT to_jsonb(n) || '{"sign": 1}' AS r FROM changed n JOIN old_rows o ON o.campaign_id = n.campaign_id
        WHERE (n.brand_id, n.currency, n.planned_minor, n.committed_minor, n.invoiced_minor, n.paid_minor, n.by_kind) IS DISTINCT FROM (o.brand_id, o.currency, o.planned_minor, o.committed_minor, o.invoiced_minor, o.paid_minor, o.by_kind)
      UNION ALL
      SELECT to_jsonb(o) || '{"sign": -1}' FROM changed n JOIN old_rows o ON o.campaign_id = n.campaign_id
        WHERE (n.brand_id, n.currency, n.planned_minor, n.committed_minor, n.invoiced_minor, n.paid_minor, n.by_kind) IS DISTINCT FROM (o.brand_id, o.currency, o.planned_minor, o.committed_minor, o.invoiced_minor, o.paid_minor, o.by_kind)
    ) x;
    SELECT array_agg(o.brand_id), array_agg(o.currency::text) INTO lb, lc
      FROM changed n JOIN old_rows o ON o.campaign_id = n.campaign_id WHERE (n.brand_id, n.currency) IS DISTINCT FROM (o.brand_id, o.currency);
  END IF;
  IF d IS NOT NULL THEN
    PERFORM program_money_apply(d, lb, lc);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER campaign_money_program_insert AFTER INSERT ON campaign_money REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_money_trigger();
--> statement-breakpoint
CREATE TRIGGER campaign_money_program_update AFTER UPDATE ON campaign_money REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION program_money_trigger();
--> statement-breakpoint
CREATE TRIGGER campaign_money_program_delete AFTER DELETE ON campaign_money REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION program_money_trigger();
--> statement-breakpoint
-- Every row from scratch (what is there already; the bench seed, which loads with the triggers off).
CREATE FUNCTION program_money_rebuild() RETURNS void LANGUAGE sql AS $$
DELETE FROM program_money;
DELETE FROM program_money_kinds;
INSERT INTO program_money (brand_id, currency, campaigns, newest_campaign_at, planned_minor, committed_minor, invoiced_minor, paid_minor)
SELECT m.brand_id, m.currency, count(*), max(c.created_at), sum(m.planned_minor), sum(m.committed_minor), sum(m.invoiced_minor), sum(m.paid_minor)
FROM campaign_money m LEFT JOIN campaigns c ON c.id = m.campaign_id GROUP BY m.brand_id, m.currency;
INSERT INTO program_money_kinds (brand_id, currency, kind, total_minor, campaigns)
SELECT m.brand_id, m.currency, e.key, sum(e.value::numeric), count(*)
FROM campaign_money m CROSS JOIN LATERAL jsonb_each_text(m.by_kind) e GROUP BY m.brand_id, m.currency, e.key;
$$;
--> statement-breakpoint
SELECT program_money_rebuild();
