-- Orders with their status, refunds and source (issue #16). A redemption row is one store order per brand.
ALTER TABLE "redemptions" ALTER COLUMN "promo_code_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "offer_id" text REFERENCES "offers"("id") ON DELETE cascade;--> statement-breakpoint
UPDATE "redemptions" r SET "offer_id" = p."offer_id" FROM "promo_codes" p WHERE p."id" = r."promo_code_id";--> statement-breakpoint
ALTER TABLE "redemptions" ALTER COLUMN "offer_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "source" text DEFAULT 'code' NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "format" text DEFAULT 'shopify' NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "status" text DEFAULT 'paid' NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "refunded_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "is_test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "tracking_link_id" text REFERENCES "tracking_links"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "clicked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_source_ck" CHECK ("source" IN ('code', 'link'));--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_status_ck" CHECK ("status" IN ('paid', 'partially_paid', 'partially_refunded', 'refunded', 'pending', 'authorized', 'voided'));--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_amounts_ck" CHECK ("total_minor" >= 0 AND "refunded_minor" >= 0 AND "refunded_minor" <= "total_minor");--> statement-breakpoint
CREATE INDEX "redemptions_brand_offer_idx" ON "redemptions" USING btree ("brand_id", "offer_id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "attribution_window_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_attribution_window_ck" CHECK ("attribution_window_days" BETWEEN 1 AND 365);--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL REFERENCES "brands"("id") ON DELETE cascade,
	"from_currency" char(3) NOT NULL,
	"to_currency" char(3) NOT NULL,
	"rate_micros" bigint NOT NULL,
	"effective_on" date NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_positive_ck" CHECK ("rate_micros" > 0 AND "from_currency" <> "to_currency")
);--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rates_brand_pair_day_uq" ON "exchange_rates" USING btree ("brand_id", "from_currency", "to_currency", "effective_on");--> statement-breakpoint
CREATE TABLE "conversion_endpoints" (
	"brand_id" text PRIMARY KEY NOT NULL REFERENCES "brands"("id") ON DELETE cascade,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone
);--> statement-breakpoint
CREATE TABLE "conversion_receipts" (
	"brand_id" text NOT NULL REFERENCES "brands"("id") ON DELETE cascade,
	"signature" text NOT NULL,
	"order_id" text NOT NULL,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("brand_id", "signature")
);
