ALTER TABLE "posts" ADD COLUMN "platform_label_declared" boolean;
