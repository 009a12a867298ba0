-- The payables desk's figures (totals by currency and aging bucket, invoices waiting for approval) summed the
-- brand's every open invoice on each view: 0.5 ms at 1x, 5 ms at 10x (issue #18). They now read a kept table:
-- per brand, invoice status, due day ('infinity' for an invoice without a due date) and currency, how many
-- invoices and the sum of their totals. A statement-level trigger on invoices adds what each statement changed
-- (its new rows minus its old ones), in the same transaction; never written by the app. The desk's
-- aging buckets are then a sum over the brand's distinct due days, whatever the number of invoices
-- (app/services/invoices/list-invoices.server.ts listPayables); tests/integration/invoice-due-days-drift.test.ts
-- recomputes it from scratch after random sequences of changes.
CREATE TABLE "invoice_due_days" (
	"brand_id" text NOT NULL,
	"status" text NOT NULL,
	"due_key" date NOT NULL,
	"currency" char(3) NOT NULL,
	"invoices" integer NOT NULL,
	"total_minor" bigint NOT NULL,
	CONSTRAINT "invoice_due_days_pk" PRIMARY KEY ("brand_id","status","due_key","currency")
);
--> statement-breakpoint
-- Adds signed invoices (+1 new, -1 old) to the rows of their keys, in key order (two transactions lock the rows
-- they share in the same order), then drops the keys no invoice is left in. Deltas, not a recount: two
-- transactions writing invoices of the same key at once each add their own (an upsert waits for the other's
-- row), where a recount from each one's snapshot would lose one of them or collide on the new row's key.
CREATE FUNCTION invoice_due_days_add(d jsonb) RETURNS void LANGUAGE sql AS $$
INSERT INTO invoice_due_days AS s (brand_id, status, due_key, currency, invoices, total_minor)
SELECT x.brand_id, x.status, coalesce(x.due_date, 'infinity'::date), x.currency, sum(x.sign), sum(x.sign * x.total_minor)
FROM jsonb_to_recordset(d) AS x(sign int, brand_id text, status text, due_date date, currency char(3), total_minor bigint)
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4
ON CONFLICT (brand_id, status, due_key, currency) DO UPDATE SET
  invoices = s.invoices + excluded.invoices, total_minor = s.total_minor + excluded.total_minor;
DELETE FROM invoice_due_days s
USING (SELECT DISTINCT x.brand_id, x.status, coalesce(x.due_date, 'infinity'::date) AS due_key, x.currency FROM jsonb_to_recordset(d) AS x(brand_id text, status text, due_date date, currency char(3))) k
WHERE s.brand_id = k.brand_id AND s.status = k.status AND s.due_key = k.due_key AND s.currency = k.currency AND s.invoices = 0;
$$;
--> statement-breakpoint
CREATE FUNCTION invoice_due_days_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('sign', 1, 'brand_id', n.brand_id, 'status', n.status, 'due_date', n.due_date, 'currency', n.currency, 'total_minor', n.total_minor)) INTO d FROM changed n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('sign', -1, 'brand_id', o.brand_id, 'status', o.status, 'due_date', o.due_date, 'currency', o.currency, 'total_minor', o.total_minor)) INTO d FROM old_rows o;
  ELSE
    -- only the invoices whose key or total changed (most updates are to other columns: matching, notes, payment)
    SELECT jsonb_agg(x.r) INTO d FROM (
      SELECT jsonb_build_object('sign', 1, 'brand_id', n.brand_id, 'status', n.status, 'due_date', n.due_date, 'currency', n.currency, 'total_minor', n.total_minor) AS r
        FROM changed n JOIN old_rows o ON o.id = n.id
        WHERE (n.brand_id, n.status, n.due_date, n.currency, n.total_minor) IS DISTINCT FROM (o.brand_id, o.status, o.due_date, o.currency, o.total_minor)
      UNION ALL
      SELECT jsonb_build_object('sign', -1, 'brand_id', o.brand_id, 'status', o.status, 'due_date', o.due_date, 'currency', o.currency, 'total_minor', o.total_minor)
        FROM changed n JOIN old_rows o ON o.id = n.id
        WHERE (n.brand_id, n.status, n.due_date, n.currency, n.total_minor) IS DISTINCT FROM (o.brand_id, o.status, o.due_date, o.currency, o.total_minor)
    ) x;
  END IF;
  IF d IS NOT NULL THEN
    PERFORM invoice_due_days_add(d);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_due_days_insert AFTER INSERT ON invoices REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION invoice_due_days_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_due_days_update AFTER UPDATE ON invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION invoice_due_days_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_due_days_delete AFTER DELETE ON invoices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION invoice_due_days_trigger();
--> statement-breakpoint
-- Every row from scratch (what is there already; the bench seed, which loads with the triggers off).
CREATE FUNCTION invoice_due_days_rebuild() RETURNS void LANGUAGE sql AS $$
DELETE FROM invoice_due_days;
INSERT INTO invoice_due_days (brand_id, status, due_key, currency, invoices, total_minor)
SELECT brand_id, status, coalesce(due_date, 'infinity'::date), currency, count(*), sum(total_minor)
FROM invoices GROUP BY brand_id, status, coalesce(due_date, 'infinity'::date), currency;
$$;
--> statement-breakpoint
SELECT invoice_due_days_rebuild();
