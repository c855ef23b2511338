import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`concurrency_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_concurrency_key_idx\` ON \`payload_jobs\` (\`concurrency_key\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`clips\` ADD \`processing_status\` text;`)
  await db.run(sql`ALTER TABLE \`clips\` ADD \`processing_reason\` text;`)
  await db.run(sql`ALTER TABLE \`clips\` ADD \`processing_progress\` numeric;`)
  await db.run(sql`ALTER TABLE \`clips\` ADD \`processing_sha256\` text;`)
  await db.run(sql`ALTER TABLE \`clips\` ADD \`processing_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`clips\` ADD \`processing_duration_ms\` numeric;`)
  await db.run(sql`ALTER TABLE \`clips\` ADD \`processing_details\` text;`)
  await db.run(sql`CREATE INDEX \`clips_processing_processing_status_idx\` ON \`clips\` (\`processing_status\`);`)
  await db.run(sql`CREATE INDEX \`clips_processing_processing_sha256_idx\` ON \`clips\` (\`processing_sha256\`);`)
  await db.run(sql`ALTER TABLE \`animations\` ADD \`processing_status\` text;`)
  await db.run(sql`ALTER TABLE \`animations\` ADD \`processing_reason\` text;`)
  await db.run(sql`ALTER TABLE \`animations\` ADD \`processing_progress\` numeric;`)
  await db.run(sql`ALTER TABLE \`animations\` ADD \`processing_sha256\` text;`)
  await db.run(sql`ALTER TABLE \`animations\` ADD \`processing_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`animations\` ADD \`processing_duration_ms\` numeric;`)
  await db.run(sql`ALTER TABLE \`animations\` ADD \`processing_details\` text;`)
  await db.run(sql`CREATE INDEX \`animations_processing_processing_status_idx\` ON \`animations\` (\`processing_status\`);`)
  await db.run(sql`CREATE INDEX \`animations_processing_processing_sha256_idx\` ON \`animations\` (\`processing_sha256\`);`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` ADD \`processing_status\` text;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` ADD \`processing_reason\` text;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` ADD \`processing_progress\` numeric;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` ADD \`processing_sha256\` text;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` ADD \`processing_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` ADD \`processing_duration_ms\` numeric;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` ADD \`processing_details\` text;`)
  await db.run(sql`CREATE INDEX \`voice_tracks_processing_processing_status_idx\` ON \`voice_tracks\` (\`processing_status\`);`)
  await db.run(sql`CREATE INDEX \`voice_tracks_processing_processing_sha256_idx\` ON \`voice_tracks\` (\`processing_sha256\`);`)
  await db.run(sql`ALTER TABLE \`captions\` ADD \`processing_status\` text;`)
  await db.run(sql`ALTER TABLE \`captions\` ADD \`processing_reason\` text;`)
  await db.run(sql`ALTER TABLE \`captions\` ADD \`processing_progress\` numeric;`)
  await db.run(sql`ALTER TABLE \`captions\` ADD \`processing_sha256\` text;`)
  await db.run(sql`ALTER TABLE \`captions\` ADD \`processing_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`captions\` ADD \`processing_duration_ms\` numeric;`)
  await db.run(sql`ALTER TABLE \`captions\` ADD \`processing_details\` text;`)
  await db.run(sql`CREATE INDEX \`captions_processing_processing_status_idx\` ON \`captions\` (\`processing_status\`);`)
  await db.run(sql`CREATE INDEX \`captions_processing_processing_sha256_idx\` ON \`captions\` (\`processing_sha256\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP INDEX \`clips_processing_processing_status_idx\`;`)
  await db.run(sql`DROP INDEX \`clips_processing_processing_sha256_idx\`;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`processing_status\`;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`processing_reason\`;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`processing_progress\`;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`processing_sha256\`;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`processing_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`processing_duration_ms\`;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`processing_details\`;`)
  await db.run(sql`DROP INDEX \`animations_processing_processing_status_idx\`;`)
  await db.run(sql`DROP INDEX \`animations_processing_processing_sha256_idx\`;`)
  await db.run(sql`ALTER TABLE \`animations\` DROP COLUMN \`processing_status\`;`)
  await db.run(sql`ALTER TABLE \`animations\` DROP COLUMN \`processing_reason\`;`)
  await db.run(sql`ALTER TABLE \`animations\` DROP COLUMN \`processing_progress\`;`)
  await db.run(sql`ALTER TABLE \`animations\` DROP COLUMN \`processing_sha256\`;`)
  await db.run(sql`ALTER TABLE \`animations\` DROP COLUMN \`processing_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`animations\` DROP COLUMN \`processing_duration_ms\`;`)
  await db.run(sql`ALTER TABLE \`animations\` DROP COLUMN \`processing_details\`;`)
  await db.run(sql`DROP INDEX \`voice_tracks_processing_processing_status_idx\`;`)
  await db.run(sql`DROP INDEX \`voice_tracks_processing_processing_sha256_idx\`;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` DROP COLUMN \`processing_status\`;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` DROP COLUMN \`processing_reason\`;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` DROP COLUMN \`processing_progress\`;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` DROP COLUMN \`processing_sha256\`;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` DROP COLUMN \`processing_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` DROP COLUMN \`processing_duration_ms\`;`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` DROP COLUMN \`processing_details\`;`)
  await db.run(sql`DROP INDEX \`captions_processing_processing_status_idx\`;`)
  await db.run(sql`DROP INDEX \`captions_processing_processing_sha256_idx\`;`)
  await db.run(sql`ALTER TABLE \`captions\` DROP COLUMN \`processing_status\`;`)
  await db.run(sql`ALTER TABLE \`captions\` DROP COLUMN \`processing_reason\`;`)
  await db.run(sql`ALTER TABLE \`captions\` DROP COLUMN \`processing_progress\`;`)
  await db.run(sql`ALTER TABLE \`captions\` DROP COLUMN \`processing_sha256\`;`)
  await db.run(sql`ALTER TABLE \`captions\` DROP COLUMN \`processing_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`captions\` DROP COLUMN \`processing_duration_ms\`;`)
  await db.run(sql`ALTER TABLE \`captions\` DROP COLUMN \`processing_details\`;`)
}
