ALTER TABLE `schedule_rules` ADD `interval_months` integer;--> statement-breakpoint
ALTER TABLE `schedule_rules` ADD `month_week` integer;