CREATE SEQUENCE "public"."mailing_recipient_id_blocks" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
-- New blocks start above every id the identity column gave out: no block holds an older row.
SELECT setval('mailing_recipient_id_blocks', coalesce((SELECT max("id") FROM "mailing_recipients"), 0) / 268435456 + 1, false);--> statement-breakpoint
DROP INDEX "mailing_recipients_mailing_idx";--> statement-breakpoint
ALTER TABLE "mailing_recipients" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "mailings" ADD COLUMN "recipient_id_from" bigint DEFAULT nextval('mailing_recipient_id_blocks') * 268435456 NOT NULL;--> statement-breakpoint
ALTER TABLE "mailings" ADD COLUMN "recipient_id_span" bigint DEFAULT 268435456 NOT NULL;--> statement-breakpoint
ALTER TABLE "mailings" ADD COLUMN "recipient_ids_used" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every mailing got a fresh block above. One past draft keeps the ids it has (they are eSputnik's
-- externalRequestIds): its block becomes the range they span, full, as its audience is frozen.
UPDATE "mailings" m SET "recipient_id_from" = r.first - 1, "recipient_id_span" = r.last - r.first + 2, "recipient_ids_used" = r.last - r.first + 1
FROM (SELECT "mailing_id", min("id") AS first, max("id") AS last FROM "mailing_recipients" GROUP BY "mailing_id") r
WHERE r."mailing_id" = m."id" AND m."status" <> 'draft';--> statement-breakpoint
-- A draft's ids never left the database: they are renumbered into its new block, in their order.
UPDATE "mailing_recipients" r SET "id" = m."recipient_id_from" + x.rn
FROM (SELECT "id", row_number() OVER (PARTITION BY "mailing_id" ORDER BY "id") AS rn FROM "mailing_recipients") x, "mailings" m
WHERE x."id" = r."id" AND m."id" = r."mailing_id" AND m."status" = 'draft';--> statement-breakpoint
UPDATE "mailings" m SET "recipient_ids_used" = c.n
FROM (SELECT "mailing_id", count(*) AS n FROM "mailing_recipients" GROUP BY "mailing_id") c
WHERE c."mailing_id" = m."id" AND m."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "mailings_recipient_id_from_uq" ON "mailings" USING btree ("recipient_id_from");--> statement-breakpoint
ALTER TABLE "mailings" ADD CONSTRAINT "mailings_recipient_ids_fit" CHECK ("mailings"."recipient_ids_used" < "mailings"."recipient_id_span");