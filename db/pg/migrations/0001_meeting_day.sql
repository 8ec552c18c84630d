CREATE TABLE "attendance" (
	"meeting_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"present" boolean NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_runs" (
	"meeting_id" integer PRIMARY KEY NOT NULL,
	"set_id" integer NOT NULL,
	"status" text NOT NULL,
	"stages" json NOT NULL,
	"stage" integer NOT NULL,
	"stage_started_at" timestamp (3) with time zone NOT NULL,
	"bids" json NOT NULL,
	"passed" json NOT NULL,
	"posted" json,
	"started_by" integer NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sponsors" (
	"set_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"added_by" integer,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "sponsors_set_id_person_id_pk" PRIMARY KEY("set_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_runs" ADD CONSTRAINT "meeting_runs_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_runs" ADD CONSTRAINT "meeting_runs_set_id_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_runs" ADD CONSTRAINT "meeting_runs_started_by_people_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_set_id_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_runs_set" ON "meeting_runs" USING btree ("set_id");--> statement-breakpoint
CREATE INDEX "sponsors_person" ON "sponsors" USING btree ("person_id");