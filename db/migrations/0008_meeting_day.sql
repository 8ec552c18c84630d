CREATE TABLE `attendance` (
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`present` integer NOT NULL,
	`source` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `person_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_runs` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`set_id` integer NOT NULL,
	`status` text NOT NULL,
	`stages` text NOT NULL,
	`stage` integer NOT NULL,
	`stage_started_at` integer NOT NULL,
	`bids` text NOT NULL,
	`passed` text NOT NULL,
	`posted` text,
	`started_by` integer NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_id`) REFERENCES `sets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_runs_set` ON `meeting_runs` (`set_id`);--> statement-breakpoint
CREATE TABLE `sponsors` (
	`set_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`added_by` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`set_id`, `person_id`),
	FOREIGN KEY (`set_id`) REFERENCES `sets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sponsors_person` ON `sponsors` (`person_id`);