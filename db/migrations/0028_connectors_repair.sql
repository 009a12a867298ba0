-- Repair: 0023_connectors was dated before 0022 in the journal, and drizzle skips a migration dated before
-- the last one a database recorded. A database upgraded from 0022 in one run never got 0023's tables.
-- Create them (with 0023's exact DDL) only where they are missing; a database that has them is untouched.
DO $repair$
BEGIN
  IF to_regclass('public.platform_connections') IS NULL THEN
    EXECUTE $ddl$CREATE TABLE "platform_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"creator_id" text NOT NULL,
	"platform" text NOT NULL,
	"external_user_id" text NOT NULL,
	"username" text,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"access_token_enc" text NOT NULL,
	"refresh_token_enc" text,
	"access_expires_at" timestamp with time zone,
	"refresh_expires_at" timestamp with time zone,
	"status" text DEFAULT 'connected' NOT NULL,
	"status_reason" text,
	"social_account_id" text,
	"connected_by_user_id" text,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rate_limited_until" timestamp with time zone,
	"last_synced_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "oauth_states" (
	"id" text PRIMARY KEY NOT NULL,
	"state_hash" text NOT NULL,
	"platform" text NOT NULL,
	"creator_id" text NOT NULL,
	"user_id" text NOT NULL,
	"code_verifier_enc" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "platform_post_reads" (
	"id" text PRIMARY KEY NOT NULL,
	"deliverable_id" text NOT NULL,
	"connection_id" text,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"permalink" text NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"posted_at" timestamp with time zone,
	"media_type" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE "platform_connections" ADD CONSTRAINT "platform_connections_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "platform_connections" ADD CONSTRAINT "platform_connections_social_account_id_social_accounts_id_fk" FOREIGN KEY ("social_account_id") REFERENCES "public"."social_accounts"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "platform_post_reads" ADD CONSTRAINT "platform_post_reads_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "platform_post_reads" ADD CONSTRAINT "platform_post_reads_connection_id_platform_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."platform_connections"("id") ON DELETE set null ON UPDATE no action;
CREATE UNIQUE INDEX "platform_connections_creator_platform_uq" ON "platform_connections" USING btree ("creator_id","platform");
CREATE INDEX "platform_connections_status_idx" ON "platform_connections" USING btree ("status","access_expires_at");
CREATE UNIQUE INDEX "oauth_states_state_hash_uq" ON "oauth_states" USING btree ("state_hash");
CREATE UNIQUE INDEX "platform_post_reads_deliverable_uq" ON "platform_post_reads" USING btree ("deliverable_id");
$ddl$;
  END IF;
END
$repair$;
