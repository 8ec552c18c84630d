CREATE TABLE `installations` (
	`platform` text NOT NULL,
	`install_key` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`platform`, `install_key`)
);
--> statement-breakpoint
ALTER TABLE `people` ADD `platform_time_zone` text;--> statement-breakpoint
ALTER TABLE `people` ADD `profile_checked_at` integer;