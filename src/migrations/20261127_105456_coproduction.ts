import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`scripts_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`user_id\` integer,
  	\`role\` text,
  	\`version_id\` text,
  	\`content_hash\` text,
  	\`at\` text,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_approvals_order_idx\` ON \`scripts_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_approvals_parent_id_idx\` ON \`scripts_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_approvals_user_idx\` ON \`scripts_approvals\` (\`user_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`user_id\` integer,
  	\`role\` text,
  	\`version_id\` text,
  	\`content_hash\` text,
  	\`at\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_scripts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_approvals_order_idx\` ON \`_scripts_v_version_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_approvals_parent_id_idx\` ON \`_scripts_v_version_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_approvals_user_idx\` ON \`_scripts_v_version_approvals\` (\`user_id\`);`)
  await db.run(sql`CREATE TABLE \`comments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`script_id\` integer NOT NULL,
  	\`line_id\` text,
  	\`body\` text NOT NULL,
  	\`parent_id\` integer,
  	\`resolved\` integer DEFAULT false,
  	\`author_id\` integer,
  	\`resolved_by_id\` integer,
  	\`script_version\` text,
  	\`quoted_speaker\` text,
  	\`quoted_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`script_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`resolved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`comments_script_idx\` ON \`comments\` (\`script_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_line_id_idx\` ON \`comments\` (\`line_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_parent_idx\` ON \`comments\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_resolved_idx\` ON \`comments\` (\`resolved\`);`)
  await db.run(sql`CREATE INDEX \`comments_author_idx\` ON \`comments\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_resolved_by_idx\` ON \`comments\` (\`resolved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_updated_at_idx\` ON \`comments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comments_created_at_idx\` ON \`comments\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`clips_voice_tracks\` ADD \`recorded_from\` text;`)
  await db.run(sql`ALTER TABLE \`clips_voice_tracks\` ADD \`stale\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`clips_voice_tracks\` ADD \`stale_reason\` text;`)
  await db.run(sql`ALTER TABLE \`clips_captions\` ADD \`recorded_from\` text;`)
  await db.run(sql`ALTER TABLE \`clips_captions\` ADD \`stale\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`clips_captions\` ADD \`stale_reason\` text;`)
  await db.run(sql`ALTER TABLE \`clips\` ADD \`has_stale_media\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`clips_has_stale_media_idx\` ON \`clips\` (\`has_stale_media\`);`)
  await db.run(sql`ALTER TABLE \`scripts\` ADD \`reviewed_version_id\` text;`)
  await db.run(sql`ALTER TABLE \`scripts\` ADD \`approved_content_hash\` text;`)
  await db.run(sql`ALTER TABLE \`_scripts_v\` ADD \`version_reviewed_version_id\` text;`)
  await db.run(sql`ALTER TABLE \`_scripts_v\` ADD \`version_approved_content_hash\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`comments_id\` integer REFERENCES comments(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`scripts_approvals\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_approvals\`;`)
  await db.run(sql`DROP TABLE \`comments\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`toolkits_id\` integer,
  	\`modules_id\` integer,
  	\`exercises_id\` integer,
  	\`clips_id\` integer,
  	\`scripts_id\` integer,
  	\`audiences_id\` integer,
  	\`accents_id\` integer,
  	\`animations_id\` integer,
  	\`voice_tracks_id\` integer,
  	\`captions_id\` integer,
  	\`images_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`toolkits_id\`) REFERENCES \`toolkits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`modules_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`exercises_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`clips_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audiences_id\`) REFERENCES \`audiences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`accents_id\`) REFERENCES \`accents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`animations_id\`) REFERENCES \`animations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`voice_tracks_id\`) REFERENCES \`voice_tracks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`captions_id\`) REFERENCES \`captions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`images_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "toolkits_id", "modules_id", "exercises_id", "clips_id", "scripts_id", "audiences_id", "accents_id", "animations_id", "voice_tracks_id", "captions_id", "images_id", "users_id") SELECT "id", "order", "parent_id", "path", "toolkits_id", "modules_id", "exercises_id", "clips_id", "scripts_id", "audiences_id", "accents_id", "animations_id", "voice_tracks_id", "captions_id", "images_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_toolkits_id_idx\` ON \`payload_locked_documents_rels\` (\`toolkits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_modules_id_idx\` ON \`payload_locked_documents_rels\` (\`modules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_exercises_id_idx\` ON \`payload_locked_documents_rels\` (\`exercises_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_clips_id_idx\` ON \`payload_locked_documents_rels\` (\`clips_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scripts_id_idx\` ON \`payload_locked_documents_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audiences_id_idx\` ON \`payload_locked_documents_rels\` (\`audiences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_accents_id_idx\` ON \`payload_locked_documents_rels\` (\`accents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_animations_id_idx\` ON \`payload_locked_documents_rels\` (\`animations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_voice_tracks_id_idx\` ON \`payload_locked_documents_rels\` (\`voice_tracks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_captions_id_idx\` ON \`payload_locked_documents_rels\` (\`captions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_images_id_idx\` ON \`payload_locked_documents_rels\` (\`images_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`clips_has_stale_media_idx\`;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`has_stale_media\`;`)
  await db.run(sql`ALTER TABLE \`clips_voice_tracks\` DROP COLUMN \`recorded_from\`;`)
  await db.run(sql`ALTER TABLE \`clips_voice_tracks\` DROP COLUMN \`stale\`;`)
  await db.run(sql`ALTER TABLE \`clips_voice_tracks\` DROP COLUMN \`stale_reason\`;`)
  await db.run(sql`ALTER TABLE \`clips_captions\` DROP COLUMN \`recorded_from\`;`)
  await db.run(sql`ALTER TABLE \`clips_captions\` DROP COLUMN \`stale\`;`)
  await db.run(sql`ALTER TABLE \`clips_captions\` DROP COLUMN \`stale_reason\`;`)
  await db.run(sql`ALTER TABLE \`scripts\` DROP COLUMN \`reviewed_version_id\`;`)
  await db.run(sql`ALTER TABLE \`scripts\` DROP COLUMN \`approved_content_hash\`;`)
  await db.run(sql`ALTER TABLE \`_scripts_v\` DROP COLUMN \`version_reviewed_version_id\`;`)
  await db.run(sql`ALTER TABLE \`_scripts_v\` DROP COLUMN \`version_approved_content_hash\`;`)
}
