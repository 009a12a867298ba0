-- Campaign money summaries (issue #18; DECISIONS.md "Campaign money summaries"): one row per campaign with
-- the figures of app/domain/money-figures.ts (planned, committed by kind, invoiced, paid; remaining is
-- planned - committed) and counts by state, recomputed for the campaigns a statement touched, in the same
-- transaction, by statement-level triggers (as the roster sort keys of 0004). Never written by the app.
-- campaign_money_refresh is the SQL twin of campaignMoney(); tests/integration/campaign-money-drift.test.ts
-- checks it against the domain function after random sequences of changes.
CREATE TABLE "campaign_money" (
	"campaign_id" text PRIMARY KEY NOT NULL REFERENCES "campaigns"("id") ON DELETE CASCADE,
	"brand_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"planned_minor" bigint DEFAULT 0 NOT NULL,
	"committed_minor" bigint DEFAULT 0 NOT NULL,
	"invoiced_minor" bigint DEFAULT 0 NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"by_kind" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ignored_rows" integer DEFAULT 0 NOT NULL,
	"offer_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"invoice_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deliverable_counts" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "campaign_money_brand_idx" ON "campaign_money" USING btree ("brand_id");
--> statement-breakpoint
CREATE INDEX "deliverables_campaign_status_idx" ON "deliverables" USING btree ("campaign_id","status");
--> statement-breakpoint
CREATE FUNCTION campaign_money_refresh(ids text[]) RETURNS void LANGUAGE sql AS $$
INSERT INTO campaign_money AS m (campaign_id, brand_id, currency, planned_minor, committed_minor, invoiced_minor, paid_minor, by_kind, ignored_rows, offer_counts, invoice_counts, deliverable_counts)
SELECT k.id, k.brand_id, k.currency, k.budget_minor,
  coalesce((SELECT sum(x.amount) FROM (
    -- committed offers: the ledger 'fee' entries of the offer when there are any, else its contracted fee; plus its usage fee
    SELECT CASE WHEN EXISTS (SELECT 1 FROM cost_entries e WHERE e.campaign_id = k.id AND e.brand_id = k.brand_id AND e.offer_id = o.id AND e.kind = 'fee' AND btrim(e.currency) = btrim(k.currency))
                THEN (SELECT sum(e.amount_minor) FROM cost_entries e WHERE e.campaign_id = k.id AND e.brand_id = k.brand_id AND e.offer_id = o.id AND e.kind = 'fee' AND btrim(e.currency) = btrim(k.currency))
                ELSE o.fee_minor END + o.usage_fee_minor AS amount
    FROM offers o
    WHERE o.campaign_id = k.id AND o.brand_id = k.brand_id AND o.status IN ('accepted', 'active', 'completed') AND btrim(o.currency) = btrim(k.currency)
    UNION ALL
    -- every other cost entry, whatever the state of its offer
    SELECT e.amount_minor FROM cost_entries e
    WHERE e.campaign_id = k.id AND e.brand_id = k.brand_id AND e.kind <> 'fee' AND btrim(e.currency) = btrim(k.currency)
  ) x), 0),
  coalesce((SELECT sum(i.total_minor) FROM invoices i JOIN offers o ON o.id = i.offer_id AND o.brand_id = k.brand_id
    WHERE o.campaign_id = k.id AND i.brand_id = k.brand_id AND i.status IN ('submitted', 'approved', 'paid') AND btrim(i.currency) = btrim(k.currency)), 0),
  coalesce((SELECT sum(i.total_minor) FROM invoices i JOIN offers o ON o.id = i.offer_id AND o.brand_id = k.brand_id
    WHERE o.campaign_id = k.id AND i.brand_id = k.brand_id AND i.status = 'paid' AND btrim(i.currency) = btrim(k.currency)), 0),
  coalesce((SELECT jsonb_object_agg(c.kind, c.amount) FROM (
    SELECT y.kind, sum(y.amount) AS amount FROM (
      SELECT 'fee' AS kind, CASE WHEN EXISTS (SELECT 1 FROM cost_entries e WHERE e.campaign_id = k.id AND e.brand_id = k.brand_id AND e.offer_id = o.id AND e.kind = 'fee' AND btrim(e.currency) = btrim(k.currency))
                THEN (SELECT sum(e.amount_minor) FROM cost_entries e WHERE e.campaign_id = k.id AND e.brand_id = k.brand_id AND e.offer_id = o.id AND e.kind = 'fee' AND btrim(e.currency) = btrim(k.currency))
                ELSE o.fee_minor END AS amount
      FROM offers o
      WHERE o.campaign_id = k.id AND o.brand_id = k.brand_id AND o.status IN ('accepted', 'active', 'completed') AND btrim(o.currency) = btrim(k.currency)
      UNION ALL
      SELECT 'usage', o.usage_fee_minor FROM offers o
      WHERE o.campaign_id = k.id AND o.brand_id = k.brand_id AND o.status IN ('accepted', 'active', 'completed') AND btrim(o.currency) = btrim(k.currency)
      UNION ALL
      SELECT e.kind, e.amount_minor FROM cost_entries e
      WHERE e.campaign_id = k.id AND e.brand_id = k.brand_id AND e.kind <> 'fee' AND btrim(e.currency) = btrim(k.currency)
    ) y WHERE y.amount <> 0 GROUP BY y.kind
  ) c), '{}'::jsonb),
  (SELECT count(*) FROM cost_entries e WHERE e.campaign_id = k.id AND e.brand_id = k.brand_id AND btrim(e.currency) <> btrim(k.currency))
  + (SELECT count(*) FROM offers o WHERE o.campaign_id = k.id AND o.brand_id = k.brand_id AND o.status IN ('accepted', 'active', 'completed') AND btrim(o.currency) <> btrim(k.currency))
  + (SELECT count(*) FROM invoices i JOIN offers o ON o.id = i.offer_id AND o.brand_id = k.brand_id
     WHERE o.campaign_id = k.id AND i.brand_id = k.brand_id AND i.status IN ('submitted', 'approved', 'paid') AND btrim(i.currency) <> btrim(k.currency)),
  coalesce((SELECT jsonb_object_agg(s.status, s.n) FROM (SELECT o.status, count(*) AS n FROM offers o WHERE o.campaign_id = k.id AND o.brand_id = k.brand_id GROUP BY o.status) s), '{}'::jsonb),
  coalesce((SELECT jsonb_object_agg(s.status, s.n) FROM (
    SELECT i.status, count(*) AS n FROM invoices i JOIN offers o ON o.id = i.offer_id AND o.brand_id = k.brand_id
    WHERE o.campaign_id = k.id AND i.brand_id = k.brand_id GROUP BY i.status) s), '{}'::jsonb),
  coalesce((SELECT jsonb_object_agg(s.status, s.n) FROM (SELECT d.status, count(*) AS n FROM deliverables d WHERE d.campaign_id = k.id AND d.brand_id = k.brand_id GROUP BY d.status) s), '{}'::jsonb)
FROM campaigns k
WHERE k.id IN (SELECT DISTINCT u.id FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL)
ON CONFLICT (campaign_id) DO UPDATE SET
  brand_id = excluded.brand_id, currency = excluded.currency, planned_minor = excluded.planned_minor,
  committed_minor = excluded.committed_minor, invoiced_minor = excluded.invoiced_minor, paid_minor = excluded.paid_minor,
  by_kind = excluded.by_kind, ignored_rows = excluded.ignored_rows, offer_counts = excluded.offer_counts,
  invoice_counts = excluded.invoice_counts, deliverable_counts = excluded.deliverable_counts;
$$;
--> statement-breakpoint
CREATE FUNCTION campaign_money_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'campaigns' THEN
    PERFORM campaign_money_refresh(array_agg(c.id)) FROM changed c;
  ELSIF TG_TABLE_NAME = 'invoices' THEN
    IF TG_OP = 'UPDATE' THEN
      PERFORM campaign_money_refresh(array_agg(o.campaign_id)) FROM (SELECT offer_id FROM changed UNION SELECT offer_id FROM old_rows) c JOIN offers o ON o.id = c.offer_id;
    ELSE
      PERFORM campaign_money_refresh(array_agg(o.campaign_id)) FROM changed c JOIN offers o ON o.id = c.offer_id;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM campaign_money_refresh(array_agg(c.campaign_id)) FROM (SELECT campaign_id FROM changed UNION SELECT campaign_id FROM old_rows) c;
  ELSE
    PERFORM campaign_money_refresh(array_agg(c.campaign_id)) FROM changed c;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER campaigns_campaign_money_insert AFTER INSERT ON campaigns REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER campaigns_campaign_money_update AFTER UPDATE ON campaigns REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_campaign_money_insert AFTER INSERT ON offers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_campaign_money_update AFTER UPDATE ON offers REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER offers_campaign_money_delete AFTER DELETE ON offers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER cost_entries_campaign_money_insert AFTER INSERT ON cost_entries REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER cost_entries_campaign_money_update AFTER UPDATE ON cost_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER cost_entries_campaign_money_delete AFTER DELETE ON cost_entries REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_campaign_money_insert AFTER INSERT ON invoices REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_campaign_money_update AFTER UPDATE ON invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_campaign_money_delete AFTER DELETE ON invoices REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_campaign_money_insert AFTER INSERT ON deliverables REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_campaign_money_update AFTER UPDATE ON deliverables REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
CREATE TRIGGER deliverables_campaign_money_delete AFTER DELETE ON deliverables REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION campaign_money_trigger();
--> statement-breakpoint
-- Backfill what existed before this migration.
SELECT campaign_money_refresh(array_agg(id)) FROM campaigns;
