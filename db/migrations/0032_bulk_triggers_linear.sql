-- Statement triggers that stay linear on bulk writes (issue #18, helper "scale"). A statement touching N rows
-- refreshes the summaries of what it touched with one index lookup per key; nothing a refresh reads may grow
-- with the size of the brand or of the table, whatever the planner's statistics say.
--
-- 1. campaign_money deliverable counts: the lookup "campaign_id = k AND brand_id = k.brand" had only
--    (campaign_id, status) and (brand_id, status) to choose from, and PostgreSQL ANDed the two bitmaps, reading
--    every deliverable index entry of the brand for each campaign refreshed (10,000 per campaign at 2x, 50,000 at
--    10x). An index that matches the lookup exactly replaces (campaign_id, status), which it also serves.
DROP INDEX IF EXISTS "deliverables_campaign_status_idx";--> statement-breakpoint
CREATE INDEX "deliverables_campaign_brand_status_idx" ON "deliverables" USING btree ("campaign_id","brand_id","status");--> statement-breakpoint
-- 2. campaign_money invoice figures: four subqueries joined invoices to the campaign's offers with
--    "i.status = 'paid'" (or IN (...)) and "i.brand_id = k.brand_id" beside the join key. When the invoices
--    indexes look empty to the planner (analyzed before a bulk load; a btree analyzed empty keeps density 0
--    until the next analyze) every invoices index scan costs the same, and it walked invoices_creator_idx by
--    status alone, driving the join from every paid invoice of the database, once per campaign: the 40,000-row
--    invoices insert at 2x spent 98 s in this trigger, the 200,000-row one at 10x ran for over 15 minutes.
--    Now one aggregate per campaign reads the campaign's offers (offers_brand_campaign_idx) and their invoices
--    by offer_id only; the status, brand and currency tests are FILTERs, so no other index can serve it and
--    the cost per campaign is its own invoices. Same figures as before (campaign-money-drift.test.ts).
CREATE OR REPLACE FUNCTION campaign_money_refresh(ids text[]) RETURNS void LANGUAGE sql AS $$
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
  coalesce(inv.invoiced, 0),
  coalesce(inv.paid, 0),
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
  + coalesce(inv.ignored, 0),
  coalesce((SELECT jsonb_object_agg(s.status, s.n) FROM (SELECT o.status, count(*) AS n FROM offers o WHERE o.campaign_id = k.id AND o.brand_id = k.brand_id GROUP BY o.status) s), '{}'::jsonb),
  coalesce(inv.counts, '{}'::jsonb),
  coalesce((SELECT jsonb_object_agg(s.status, s.n) FROM (SELECT d.status, count(*) AS n FROM deliverables d WHERE d.campaign_id = k.id AND d.brand_id = k.brand_id GROUP BY d.status) s), '{}'::jsonb)
FROM campaigns k
LEFT JOIN LATERAL (
  SELECT sum(g.invoiced) AS invoiced, sum(g.paid) AS paid, sum(g.ignored) AS ignored,
         jsonb_object_agg(g.status, g.n) FILTER (WHERE g.n > 0) AS counts
  FROM (
    SELECT i.status,
      count(*) FILTER (WHERE i.brand_id = k.brand_id) AS n,
      sum(i.total_minor) FILTER (WHERE i.brand_id = k.brand_id AND i.status IN ('submitted', 'approved', 'paid') AND btrim(i.currency) = btrim(k.currency)) AS invoiced,
      sum(i.total_minor) FILTER (WHERE i.brand_id = k.brand_id AND i.status = 'paid' AND btrim(i.currency) = btrim(k.currency)) AS paid,
      count(*) FILTER (WHERE i.brand_id = k.brand_id AND i.status IN ('submitted', 'approved', 'paid') AND btrim(i.currency) <> btrim(k.currency)) AS ignored
    FROM offers o JOIN invoices i ON i.offer_id = o.id
    WHERE o.campaign_id = k.id AND o.brand_id = k.brand_id
    GROUP BY i.status
  ) g
) inv ON true
WHERE k.id IN (SELECT DISTINCT u.id FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL)
ON CONFLICT (campaign_id) DO UPDATE SET
  brand_id = excluded.brand_id, currency = excluded.currency, planned_minor = excluded.planned_minor,
  committed_minor = excluded.committed_minor, invoiced_minor = excluded.invoiced_minor, paid_minor = excluded.paid_minor,
  by_kind = excluded.by_kind, ignored_rows = excluded.ignored_rows, offer_counts = excluded.offer_counts,
  invoice_counts = excluded.invoice_counts, deliverable_counts = excluded.deliverable_counts;
$$;
--> statement-breakpoint
-- 3. post_metrics_latest: the latest snapshot of a post was found by sorting all of its snapshots, because
--    "captured_at DESC" means NULLS FIRST and metric_snapshots_post_latest_idx is DESC NULLS LAST. captured_at
--    is NOT NULL, so NULLS LAST orders the same rows the same way and the index gives them in order: the
--    refresh reads the first captured_at/created_at group of the post, not all of its history.
CREATE OR REPLACE FUNCTION post_metrics_latest_refresh(ids text[], forward_only boolean) RETURNS void LANGUAGE sql AS $$
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
  ORDER BY m.captured_at DESC NULLS LAST, m.created_at DESC NULLS LAST, m.id DESC LIMIT 1
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
