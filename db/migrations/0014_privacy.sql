-- Creator privacy across brands (issue #14, part 1). DECISIONS.md "Who owns which creator field".
-- A social account is the creator's own (brand_id NULL: entered by the creator or their agent) or one a
-- brand tracks (brand_id set: entered or imported by that brand, seen only by it). Follower readings
-- belong to the account row they were recorded on, so a brand's readings never move the creator's.
ALTER TABLE "social_accounts" ADD COLUMN "brand_id" text REFERENCES "brands"("id") ON DELETE cascade;--> statement-breakpoint
-- Accounts a brand added before this change are that brand's (the audit trail says which brand), unless the creator recorded readings on them.
UPDATE "social_accounts" s SET "brand_id" = a."brand_id"
FROM "audit_events" a
WHERE a."action" = 'social_account.added' AND a."entity_type" = 'social_account' AND a."entity_id" = s."id" AND a."brand_id" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "follower_snapshots" f WHERE f."social_account_id" = s."id" AND f."source" = 'creator');--> statement-breakpoint
DROP INDEX "social_accounts_platform_handle_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "social_accounts_own_platform_handle_uq" ON "social_accounts" USING btree ("platform","handle") WHERE "brand_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "social_accounts_brand_platform_handle_uq" ON "social_accounts" USING btree ("brand_id","platform","handle") WHERE "brand_id" IS NOT NULL;--> statement-breakpoint
-- When the creator accepted this brand's invitation (or joined through it): with an accepted offer, the
-- relationship that lets the brand read the creator's private contact fields and own accounts.
ALTER TABLE "roster_entries" ADD COLUMN "consented_at" timestamp with time zone;--> statement-breakpoint
UPDATE "roster_entries" r SET "consented_at" = i."accepted_at"
FROM "invitations" i
WHERE i."kind" = 'creator' AND i."brand_id" = r."brand_id" AND i."creator_id" = r."creator_id" AND i."accepted_at" IS NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION roster_stats_refresh(brands text[], creators text[]) RETURNS void LANGUAGE sql AS $$
UPDATE roster_entries r SET
  top_followers = coalesce((SELECT max(s.followers) FROM social_accounts s WHERE s.creator_id = r.creator_id AND (
    s.brand_id = r.brand_id
    OR (s.brand_id IS NULL AND (r.consented_at IS NOT NULL OR EXISTS (
      SELECT 1 FROM offers o WHERE o.brand_id = r.brand_id AND o.creator_id = r.creator_id AND o.status IN ('accepted', 'active', 'completed')))))), 0),
  last_collaboration_at = (
    SELECT max(coalesce(o.accepted_at, o.sent_at)) FROM offers o
    WHERE o.brand_id = r.brand_id AND o.creator_id = r.creator_id AND o.status IN ('accepted', 'active', 'completed')),
  total_paid_minor = coalesce((
    SELECT sum(i.total_minor) FROM invoices i JOIN brands b ON b.id = i.brand_id
    WHERE i.brand_id = r.brand_id AND i.creator_id = r.creator_id AND i.status = 'paid' AND i.currency = b.currency), 0),
  on_time_rate_bp = (
    SELECT CASE WHEN count(*) = 0 THEN NULL ELSE (10000 * count(*) FILTER (WHERE e.ok) / count(*))::int END
    FROM (
      SELECT (SELECT min(v.submitted_at) FROM draft_versions v WHERE v.deliverable_id = d.id) AT TIME ZONE 'UTC' < (d.draft_due_on + 1)::timestamp AS ok
      FROM deliverables d
      WHERE d.brand_id = r.brand_id AND d.creator_id = r.creator_id AND d.draft_due_on IS NOT NULL
        AND EXISTS (SELECT 1 FROM draft_versions v WHERE v.deliverable_id = d.id)
      UNION ALL
      SELECT p.posted_at AT TIME ZONE 'UTC' < (d.post_window_end + 1)::timestamp
      FROM posts p JOIN deliverables d ON d.id = p.deliverable_id
      WHERE p.brand_id = r.brand_id AND p.creator_id = r.creator_id AND d.post_window_end IS NOT NULL
    ) e)
FROM (SELECT DISTINCT u.b, u.c FROM unnest(brands, creators) AS u(b, c)) pairs
WHERE r.brand_id = pairs.b AND r.creator_id = pairs.c;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION roster_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'draft_versions' THEN
    PERFORM roster_stats_refresh(array_agg(d.brand_id), array_agg(d.creator_id)) FROM changed v JOIN deliverables d ON d.id = v.deliverable_id;
  ELSIF TG_TABLE_NAME = 'social_accounts' THEN
    PERFORM roster_stats_refresh(array_agg(r.brand_id), array_agg(r.creator_id)) FROM changed s JOIN roster_entries r ON r.creator_id = s.creator_id AND (s.brand_id IS NULL OR s.brand_id = r.brand_id);
  ELSE
    PERFORM roster_stats_refresh(array_agg(c.brand_id), array_agg(c.creator_id)) FROM changed c;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Column-specific triggers cannot have transition tables: a row trigger (consent changes one entry at a time).
CREATE FUNCTION roster_consent_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM roster_stats_refresh(ARRAY[NEW.brand_id], ARRAY[NEW.creator_id]);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER roster_entries_roster_stats_consent AFTER UPDATE OF "consented_at" ON roster_entries FOR EACH ROW EXECUTE FUNCTION roster_consent_trigger();--> statement-breakpoint
SELECT roster_stats_refresh(array_agg(brand_id), array_agg(creator_id)) FROM roster_entries;
