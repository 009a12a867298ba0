-- Sign-in throttling as counters updated in one statement (check and count are one atomic step).
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
-- Single-use sign-in links by email (only the SHA-256 of the token is stored).
CREATE TABLE "sign_in_links" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL REFERENCES "users"("id") ON DELETE cascade,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_links_token_uq" ON "sign_in_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sign_in_links_user_idx" ON "sign_in_links" USING btree ("user_id","created_at");--> statement-breakpoint
-- Password-reset and sign-in-link requests, queued as typed: the request does the same work for a
-- known and an unknown email; the worker looks the account up and queues the email.
CREATE TABLE "auth_mail_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);--> statement-breakpoint
CREATE INDEX "auth_mail_requests_pending_idx" ON "auth_mail_requests" USING btree ("created_at") WHERE "processed_at" IS NULL;--> statement-breakpoint
-- The payee of each invoice as it was when the payment run was made (invoiceId -> names).
ALTER TABLE "payment_runs" ADD COLUMN "payees" jsonb DEFAULT '{}'::jsonb NOT NULL;
--> statement-breakpoint
-- Replaced by login_throttle.
DROP TABLE "login_attempts";
