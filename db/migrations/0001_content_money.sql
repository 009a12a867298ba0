CREATE TABLE "brief_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"brief_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_by_user_id" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefs" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"draft" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"name" text NOT NULL,
	"objective" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"platforms" text[] DEFAULT '{}'::text[] NOT NULL,
	"budget_minor" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"offer_id" text,
	"kind" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"note" text,
	"carrier" text,
	"tracking_number" text,
	"shipped_on" date,
	"delivered_on" date,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creator_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"author_user_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliverables" (
	"id" text PRIMARY KEY NOT NULL,
	"offer_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"platform" text NOT NULL,
	"format" text NOT NULL,
	"position" integer DEFAULT 1 NOT NULL,
	"draft_due_on" date,
	"post_window_start" date,
	"post_window_end" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"revisions_used" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draft_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"deliverable_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"version" integer NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"file_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by_user_id" text,
	"acting_for_creator_id" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decided_by_user_id" text,
	"decided_at" timestamp with time zone,
	"attestations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"acknowledged_warnings" boolean DEFAULT false NOT NULL,
	"override_reason" text
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"storage" text NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"brand_id" text,
	"creator_id" text,
	"agency_id" text,
	"uploaded_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"invoice_id" text NOT NULL,
	"deliverable_id" text,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"amount_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"payee_key" text NOT NULL,
	"payee_agency_id" text,
	"number" text NOT NULL,
	"normalized_number" text NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date,
	"currency" char(3) NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"idempotency_key" text NOT NULL,
	"match" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"match_ok" boolean DEFAULT false NOT NULL,
	"submitted_by_user_id" text,
	"acting_for_creator_id" text,
	"reject_reason" text,
	"approved_by_user_id" text,
	"approved_at" timestamp with time zone,
	"exception_note" text,
	"paid_at" timestamp with time zone,
	"paid_by_user_id" text,
	"payment_method" text,
	"payment_reference" text,
	"payment_run_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_clicks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "link_clicks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"link_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"day" date NOT NULL,
	"visitor_hash" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"post_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"impressions" bigint,
	"reach" bigint,
	"views" bigint,
	"likes" bigint,
	"comments" bigint,
	"shares" bigint,
	"saves" bigint,
	"clicks" bigint,
	"followers" bigint,
	"evidence_file_id" text,
	"import_key" text,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"connection_type" text NOT NULL,
	"fee_minor" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) NOT NULL,
	"payment_net_days" integer DEFAULT 30 NOT NULL,
	"payment_clock_start" text DEFAULT 'post_verified' NOT NULL,
	"usage_rights" text DEFAULT 'none' NOT NULL,
	"usage_months" integer DEFAULT 0 NOT NULL,
	"usage_territory" text,
	"usage_fee_minor" bigint DEFAULT 0 NOT NULL,
	"exclusivity_category" text,
	"exclusivity_months" integer DEFAULT 0 NOT NULL,
	"revision_rounds" integer DEFAULT 2 NOT NULL,
	"gift_description" text,
	"message" text,
	"expires_at" timestamp with time zone,
	"sent_by_user_id" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"counter_fee_minor" bigint,
	"counter_note" text,
	"countered_at" timestamp with time zone,
	"countered_by_user_id" text,
	"response_note" text,
	"responded_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"accepted_by_user_id" text,
	"accepted_on_behalf_of_creator_id" text,
	"accepted_ip" text,
	"accepted_terms" jsonb,
	"accepted_brief_version" integer,
	"acknowledged_brief_version" integer,
	"expiry_reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"reference" text NOT NULL,
	"paid_on" date NOT NULL,
	"method" text NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" text PRIMARY KEY NOT NULL,
	"deliverable_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"platform" text NOT NULL,
	"url" text NOT NULL,
	"external_id" text,
	"posted_at" timestamp with time zone NOT NULL,
	"caption_as_posted" text DEFAULT '' NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outside_window" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"attestations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"problem_note" text,
	"verified_by_user_id" text,
	"verified_at" timestamp with time zone,
	"submitted_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promo_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"offer_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"promo_code_id" text NOT NULL,
	"order_id" text NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"total_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"deliverable_id" text NOT NULL,
	"draft_version_id" text,
	"brand_id" text NOT NULL,
	"author_user_id" text,
	"body" text NOT NULL,
	"visibility" text DEFAULT 'creator' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_forms" (
	"id" text PRIMARY KEY NOT NULL,
	"creator_id" text,
	"agency_id" text,
	"kind" text NOT NULL,
	"legal_name" text NOT NULL,
	"entity_type" text NOT NULL,
	"file_id" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"verified_by_user_id" text,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_links" (
	"id" text PRIMARY KEY NOT NULL,
	"offer_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"code" text NOT NULL,
	"destination_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "creators" ADD COLUMN "shipping_address" jsonb;--> statement-breakpoint
ALTER TABLE "brief_versions" ADD CONSTRAINT "brief_versions_brief_id_briefs_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."briefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_versions" ADD CONSTRAINT "brief_versions_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_entries" ADD CONSTRAINT "cost_entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_entries" ADD CONSTRAINT "cost_entries_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creator_notes" ADD CONSTRAINT "creator_notes_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creator_notes" ADD CONSTRAINT "creator_notes_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_link_id_tracking_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."tracking_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_snapshots" ADD CONSTRAINT "metric_snapshots_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_sent_by_user_id_users_id_fk" FOREIGN KEY ("sent_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_promo_code_id_promo_codes_id_fk" FOREIGN KEY ("promo_code_id") REFERENCES "public"."promo_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_forms" ADD CONSTRAINT "tax_forms_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_forms" ADD CONSTRAINT "tax_forms_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_links" ADD CONSTRAINT "tracking_links_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "brief_versions_brief_version_uq" ON "brief_versions" USING btree ("brief_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "briefs_campaign_uq" ON "briefs" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "campaigns_brand_status_idx" ON "campaigns" USING btree ("brand_id","status");--> statement-breakpoint
CREATE INDEX "cost_entries_campaign_idx" ON "cost_entries" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "cost_entries_offer_idx" ON "cost_entries" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "creator_notes_brand_creator_idx" ON "creator_notes" USING btree ("brand_id","creator_id");--> statement-breakpoint
CREATE INDEX "deliverables_offer_idx" ON "deliverables" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "deliverables_brand_status_idx" ON "deliverables" USING btree ("brand_id","status");--> statement-breakpoint
CREATE INDEX "deliverables_creator_status_idx" ON "deliverables" USING btree ("creator_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "draft_versions_deliverable_version_uq" ON "draft_versions" USING btree ("deliverable_id","version");--> statement-breakpoint
CREATE INDEX "draft_versions_brand_decision_idx" ON "draft_versions" USING btree ("brand_id","decision");--> statement-breakpoint
CREATE UNIQUE INDEX "files_storage_key_uq" ON "files" USING btree ("storage","storage_key");--> statement-breakpoint
CREATE INDEX "files_creator_idx" ON "files" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_deliverable_idx" ON "invoice_lines" USING btree ("deliverable_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_payee_number_uq" ON "invoices" USING btree ("payee_key","normalized_number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_idempotency_uq" ON "invoices" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "invoices_brand_status_idx" ON "invoices" USING btree ("brand_id","status");--> statement-breakpoint
CREATE INDEX "invoices_offer_idx" ON "invoices" USING btree ("offer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "link_clicks_link_day_visitor_uq" ON "link_clicks" USING btree ("link_id","day","visitor_hash");--> statement-breakpoint
CREATE INDEX "link_clicks_brand_day_idx" ON "link_clicks" USING btree ("brand_id","day");--> statement-breakpoint
CREATE INDEX "metric_snapshots_post_at_idx" ON "metric_snapshots" USING btree ("post_id","captured_at");--> statement-breakpoint
CREATE INDEX "metric_snapshots_brand_at_idx" ON "metric_snapshots" USING btree ("brand_id","captured_at");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_snapshots_import_key_uq" ON "metric_snapshots" USING btree ("import_key");--> statement-breakpoint
CREATE INDEX "offers_brand_campaign_idx" ON "offers" USING btree ("brand_id","campaign_id");--> statement-breakpoint
CREATE INDEX "offers_creator_status_idx" ON "offers" USING btree ("creator_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "posts_deliverable_uq" ON "posts" USING btree ("deliverable_id");--> statement-breakpoint
CREATE UNIQUE INDEX "posts_url_uq" ON "posts" USING btree ("url");--> statement-breakpoint
CREATE INDEX "posts_brand_idx" ON "posts" USING btree ("brand_id","posted_at");--> statement-breakpoint
CREATE INDEX "posts_creator_idx" ON "posts" USING btree ("creator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promo_codes_brand_code_uq" ON "promo_codes" USING btree ("brand_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_brand_order_uq" ON "redemptions" USING btree ("brand_id","order_id");--> statement-breakpoint
CREATE INDEX "redemptions_code_idx" ON "redemptions" USING btree ("promo_code_id");--> statement-breakpoint
CREATE INDEX "review_comments_deliverable_idx" ON "review_comments" USING btree ("deliverable_id");--> statement-breakpoint
CREATE INDEX "tax_forms_creator_idx" ON "tax_forms" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "tax_forms_agency_idx" ON "tax_forms" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_links_code_uq" ON "tracking_links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_links_offer_uq" ON "tracking_links" USING btree ("offer_id");