ALTER TABLE `sets` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sets` ADD `planned_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `sets_replan_owed` ON `sets` (`id`) WHERE planned_version <> version;