ALTER TABLE "ads_permissions" ADD COLUMN "brand_account" text;--> statement-breakpoint
ALTER TABLE "ads_permissions" ADD COLUMN "granted_on" date;
