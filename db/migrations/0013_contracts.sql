CREATE TABLE "contract_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL REFERENCES "brands"("id") ON DELETE cascade,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"clauses" jsonb NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "contract_templates_brand_version_uq" ON "contract_templates" USING btree ("brand_id","version");--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL REFERENCES "brands"("id") ON DELETE cascade,
	"offer_id" text NOT NULL REFERENCES "offers"("id") ON DELETE cascade,
	"creator_id" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'awaiting_creator' NOT NULL,
	"template_id" text,
	"template_version" integer,
	"terms" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"document_file_id" text NOT NULL,
	"document_sha256" text NOT NULL,
	"signed_file_id" text,
	"signed_sha256" text,
	"signed_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_offer_version_uq" ON "contracts" USING btree ("offer_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_offer_current_uq" ON "contracts" USING btree ("offer_id") WHERE "status" <> 'superseded';--> statement-breakpoint
CREATE INDEX "contracts_brand_status_idx" ON "contracts" USING btree ("brand_id","status");--> statement-breakpoint
CREATE INDEX "contracts_creator_idx" ON "contracts" USING btree ("creator_id");--> statement-breakpoint
CREATE TABLE "contract_signatures" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL REFERENCES "contracts"("id") ON DELETE cascade,
	"party" text NOT NULL,
	"user_id" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"on_behalf_of_creator_id" text,
	"agency_id" text,
	"brand_role" text,
	"signed_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"document_sha256" text NOT NULL,
	"consent_text" text NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "contract_signatures_party_uq" ON "contract_signatures" USING btree ("contract_id","party");--> statement-breakpoint
CREATE TABLE "rights_items" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL REFERENCES "brands"("id") ON DELETE cascade,
	"creator_id" text NOT NULL,
	"offer_id" text NOT NULL REFERENCES "offers"("id") ON DELETE cascade,
	"deliverable_id" text NOT NULL REFERENCES "deliverables"("id") ON DELETE cascade,
	"contract_id" text NOT NULL,
	"organic" boolean NOT NULL,
	"paid_ads" boolean NOT NULL,
	"channels" text[] NOT NULL,
	"territory" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"perpetual" boolean DEFAULT false NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "rights_items_deliverable_uq" ON "rights_items" USING btree ("deliverable_id");--> statement-breakpoint
CREATE INDEX "rights_items_brand_ends_idx" ON "rights_items" USING btree ("brand_id","ends_on");--> statement-breakpoint
CREATE TABLE "rights_reminders" (
	"id" text PRIMARY KEY NOT NULL,
	"rights_item_id" text NOT NULL REFERENCES "rights_items"("id") ON DELETE cascade,
	"threshold_days" integer NOT NULL,
	"ends_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "rights_reminders_uq" ON "rights_reminders" USING btree ("rights_item_id","threshold_days","ends_on");--> statement-breakpoint
CREATE TABLE "ads_permissions" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL REFERENCES "brands"("id") ON DELETE cascade,
	"creator_id" text NOT NULL,
	"deliverable_id" text NOT NULL REFERENCES "deliverables"("id") ON DELETE cascade,
	"kind" text NOT NULL,
	"code" text,
	"expires_on" date,
	"recorded_by_user_id" text,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "ads_permissions_deliverable_idx" ON "ads_permissions" USING btree ("deliverable_id");--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "extends_offer_id" text;
