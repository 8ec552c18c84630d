ALTER TABLE `jobs` ADD `stale_at` integer;--> statement-breakpoint
CREATE INDEX `jobs_lease` ON `jobs` (`status`,`lease_until`);--> statement-breakpoint
CREATE INDEX `jobs_set` ON `jobs` (`set_id`,`status`);