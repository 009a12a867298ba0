-- The payables desk's figures (totals by currency and aging bucket, invoices waiting for approval) summed the
-- brand's every open invoice on each view: 0.5 ms at 1x, 5 ms at 10x (issue #18). They now read a kept table:
-- per brand, invoice status, due day ('infinity' for an invoice without a due date) and currency, how many
-- invoices and the sum of their totals. Recomputed for the (brand, status, due day) keys a statement touched,
-- by statement-level triggers on invoices, in the same transaction; never written by the app. The desk's
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
CREATE FUNCTION invoice_due_days_refresh(brands text[], statuses text[], days date[]) RETURNS void LANGUAGE sql AS $$
DELETE FROM invoice_due_days s USING unnest(brands, statuses, days) AS k(brand_id, status, due_key)
  WHERE s.brand_id = k.brand_id AND s.status = k.status AND s.due_key = k.due_key;
INSERT INTO invoice_due_days (brand_id, status, due_key, currency, invoices, total_minor)
SELECT i.brand_id, i.status, coalesce(i.due_date, 'infinity'::date), i.currency, count(*), sum(i.total_minor)
FROM (SELECT DISTINCT u.brand_id, u.status, u.due_key FROM unnest(brands, statuses, days) AS u(brand_id, status, due_key)) k
JOIN invoices i ON i.brand_id = k.brand_id AND i.status = k.status AND coalesce(i.due_date, 'infinity'::date) = k.due_key
GROUP BY i.brand_id, i.status, coalesce(i.due_date, 'infinity'::date), i.currency;
$$;
--> statement-breakpoint
CREATE FUNCTION invoice_due_days_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  b text[];
  s text[];
  d date[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(x.brand_id), array_agg(x.status), array_agg(x.due_key) INTO b, s, d FROM (
      SELECT c.brand_id, c.status, coalesce(c.due_date, 'infinity'::date) AS due_key FROM changed c
      UNION SELECT o.brand_id, o.status, coalesce(o.due_date, 'infinity'::date) FROM old_rows o
    ) x;
  ELSE
    SELECT array_agg(x.brand_id), array_agg(x.status), array_agg(x.due_key) INTO b, s, d FROM (
      SELECT DISTINCT c.brand_id, c.status, coalesce(c.due_date, 'infinity'::date) AS due_key FROM changed c
    ) x;
  END IF;
  IF b IS NOT NULL THEN
    PERFORM invoice_due_days_refresh(b, s, d);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_due_days_insert AFTER INSERT ON invoices REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION invoice_due_days_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_due_days_update AFTER UPDATE ON invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION invoice_due_days_trigger();
--> statement-breakpoint
CREATE TRIGGER invoices_due_days_delete AFTER DELETE ON invoices REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION invoice_due_days_trigger();
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
