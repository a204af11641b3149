CREATE TABLE "contact_import_chunks" (
	"import_id" uuid NOT NULL,
	"first_row_number" integer NOT NULL,
	"last_row_number" integer NOT NULL,
	"row_count" integer NOT NULL,
	"rows" jsonb NOT NULL,
	CONSTRAINT "contact_import_chunks_import_id_first_row_number_pk" PRIMARY KEY("import_id","first_row_number")
);
--> statement-breakpoint
ALTER TABLE "contact_import_chunks" ADD CONSTRAINT "contact_import_chunks_import_id_contact_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."contact_imports"("id") ON DELETE cascade ON UPDATE no action;