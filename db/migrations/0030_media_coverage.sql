ALTER TABLE "media_analyses" ADD COLUMN "coverage" jsonb;
