CREATE TYPE "public"."locale" AS ENUM('uk', 'en', 'ru');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'manager', 'viewer');--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"locale" "locale" DEFAULT 'uk' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "esputnik_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"api_url" text NOT NULL,
	"login" text DEFAULT '' NOT NULL,
	"password_encrypted" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "esputnik_settings_single_row" CHECK ("esputnik_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "esputnik_settings" ADD CONSTRAINT "esputnik_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");