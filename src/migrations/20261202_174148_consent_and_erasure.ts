import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`consents_withdrawals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`part\` text NOT NULL,
  	\`at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`consents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`consents_withdrawals_order_idx\` ON \`consents_withdrawals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`consents_withdrawals_parent_id_idx\` ON \`consents_withdrawals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`consents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`co_producer_id\` integer NOT NULL,
  	\`consent_text_version\` text NOT NULL,
  	\`agreed_at\` text NOT NULL,
  	\`credit\` integer DEFAULT false,
  	\`words\` integer DEFAULT false,
  	\`voice\` integer DEFAULT false,
  	\`recorded_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`co_producer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`consents_co_producer_idx\` ON \`consents\` (\`co_producer_id\`);`)
  await db.run(sql`CREATE INDEX \`consents_recorded_by_idx\` ON \`consents\` (\`recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`consents_updated_at_idx\` ON \`consents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`consents_created_at_idx\` ON \`consents\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`voice_tracks\` ADD \`recorded_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`voice_tracks_recorded_by_idx\` ON \`voice_tracks\` (\`recorded_by_id\`);`)
  await db.run(sql`ALTER TABLE \`releases\` ADD \`contributions\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`erased_at\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`consents_id\` integer REFERENCES consents(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consents_id_idx\` ON \`payload_locked_documents_rels\` (\`consents_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`consents_withdrawals\`;`)
  await db.run(sql`DROP TABLE \`consents\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_voice_tracks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`processing_status\` text,
  	\`processing_reason\` text,
  	\`processing_progress\` numeric,
  	\`processing_sha256\` text,
  	\`processing_fingerprint\` text,
  	\`processing_duration_ms\` numeric,
  	\`processing_details\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`INSERT INTO \`__new_voice_tracks\`("id", "title", "processing_status", "processing_reason", "processing_progress", "processing_sha256", "processing_fingerprint", "processing_duration_ms", "processing_details", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "title", "processing_status", "processing_reason", "processing_progress", "processing_sha256", "processing_fingerprint", "processing_duration_ms", "processing_details", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`voice_tracks\`;`)
  await db.run(sql`DROP TABLE \`voice_tracks\`;`)
  await db.run(sql`ALTER TABLE \`__new_voice_tracks\` RENAME TO \`voice_tracks\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`voice_tracks_processing_processing_status_idx\` ON \`voice_tracks\` (\`processing_status\`);`)
  await db.run(sql`CREATE INDEX \`voice_tracks_processing_processing_sha256_idx\` ON \`voice_tracks\` (\`processing_sha256\`);`)
  await db.run(sql`CREATE INDEX \`voice_tracks_updated_at_idx\` ON \`voice_tracks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`voice_tracks_created_at_idx\` ON \`voice_tracks\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`voice_tracks_filename_idx\` ON \`voice_tracks\` (\`filename\`);`)
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
  	\`comments_id\` integer,
  	\`audiences_id\` integer,
  	\`accents_id\` integer,
  	\`animations_id\` integer,
  	\`voice_tracks_id\` integer,
  	\`captions_id\` integer,
  	\`images_id\` integer,
  	\`releases_id\` integer,
  	\`delivery_apps_id\` integer,
  	\`users_id\` integer,
  	\`notifications_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`toolkits_id\`) REFERENCES \`toolkits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`modules_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`exercises_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`clips_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audiences_id\`) REFERENCES \`audiences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`accents_id\`) REFERENCES \`accents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`animations_id\`) REFERENCES \`animations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`voice_tracks_id\`) REFERENCES \`voice_tracks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`captions_id\`) REFERENCES \`captions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`images_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`releases_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`delivery_apps_id\`) REFERENCES \`delivery_apps\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "toolkits_id", "modules_id", "exercises_id", "clips_id", "scripts_id", "comments_id", "audiences_id", "accents_id", "animations_id", "voice_tracks_id", "captions_id", "images_id", "releases_id", "delivery_apps_id", "users_id", "notifications_id") SELECT "id", "order", "parent_id", "path", "toolkits_id", "modules_id", "exercises_id", "clips_id", "scripts_id", "comments_id", "audiences_id", "accents_id", "animations_id", "voice_tracks_id", "captions_id", "images_id", "releases_id", "delivery_apps_id", "users_id", "notifications_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_toolkits_id_idx\` ON \`payload_locked_documents_rels\` (\`toolkits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_modules_id_idx\` ON \`payload_locked_documents_rels\` (\`modules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_exercises_id_idx\` ON \`payload_locked_documents_rels\` (\`exercises_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_clips_id_idx\` ON \`payload_locked_documents_rels\` (\`clips_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scripts_id_idx\` ON \`payload_locked_documents_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audiences_id_idx\` ON \`payload_locked_documents_rels\` (\`audiences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_accents_id_idx\` ON \`payload_locked_documents_rels\` (\`accents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_animations_id_idx\` ON \`payload_locked_documents_rels\` (\`animations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_voice_tracks_id_idx\` ON \`payload_locked_documents_rels\` (\`voice_tracks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_captions_id_idx\` ON \`payload_locked_documents_rels\` (\`captions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_images_id_idx\` ON \`payload_locked_documents_rels\` (\`images_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_releases_id_idx\` ON \`payload_locked_documents_rels\` (\`releases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_apps_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_apps_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
  await db.run(sql`ALTER TABLE \`releases\` DROP COLUMN \`contributions\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`erased_at\`;`)
}
