CREATE TABLE "media_analyses" (
	"id" text PRIMARY KEY NOT NULL,
	"draft_version_id" text NOT NULL,
	"file_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"reason" text,
	"media_kind" text,
	"duration_ms" integer,
	"sample_interval_ms" integer,
	"frames" integer,
	"tools" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"timings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_analyses_draft_version_id_draft_versions_id_fk" FOREIGN KEY ("draft_version_id") REFERENCES "public"."draft_versions"("id") ON DELETE cascade ON UPDATE no action
);--> statement-breakpoint
CREATE UNIQUE INDEX "media_analyses_draft_file_uq" ON "media_analyses" USING btree ("draft_version_id","file_id");--> statement-breakpoint
CREATE INDEX "media_analyses_brand_status_idx" ON "media_analyses" USING btree ("brand_id","status");--> statement-breakpoint
CREATE TABLE "media_segments" (
	"id" text PRIMARY KEY NOT NULL,
	"analysis_id" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"confidence" integer,
	"start_ms" integer NOT NULL,
	"end_ms" integer NOT NULL,
	"thumbnail_file_id" text,
	"bbox" jsonb,
	CONSTRAINT "media_segments_analysis_id_media_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."media_analyses"("id") ON DELETE cascade ON UPDATE no action
);--> statement-breakpoint
CREATE INDEX "media_segments_analysis_idx" ON "media_segments" USING btree ("analysis_id","start_ms");
