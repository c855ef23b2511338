import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`voice_comments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`script_id\` integer NOT NULL,
  	\`line_id\` text,
  	\`author_id\` integer,
  	\`duration_ms\` numeric,
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
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`script_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`voice_comments_script_idx\` ON \`voice_comments\` (\`script_id\`);`)
  await db.run(sql`CREATE INDEX \`voice_comments_line_id_idx\` ON \`voice_comments\` (\`line_id\`);`)
  await db.run(sql`CREATE INDEX \`voice_comments_author_idx\` ON \`voice_comments\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`voice_comments_updated_at_idx\` ON \`voice_comments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`voice_comments_created_at_idx\` ON \`voice_comments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`voice_comments_filename_idx\` ON \`voice_comments\` (\`filename\`);`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`voice_id\` integer REFERENCES voice_comments(id);`)
  await db.run(sql`CREATE INDEX \`comments_voice_idx\` ON \`comments\` (\`voice_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`voice_comments_id\` integer REFERENCES voice_comments(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_voice_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`voice_comments_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`voice_comments\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_comments\` (
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
  await db.run(sql`INSERT INTO \`__new_comments\`("id", "script_id", "line_id", "body", "parent_id", "resolved", "author_id", "resolved_by_id", "script_version", "quoted_speaker", "quoted_text", "updated_at", "created_at") SELECT "id", "script_id", "line_id", "body", "parent_id", "resolved", "author_id", "resolved_by_id", "script_version", "quoted_speaker", "quoted_text", "updated_at", "created_at" FROM \`comments\`;`)
  await db.run(sql`DROP TABLE \`comments\`;`)
  await db.run(sql`ALTER TABLE \`__new_comments\` RENAME TO \`comments\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`comments_script_idx\` ON \`comments\` (\`script_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_line_id_idx\` ON \`comments\` (\`line_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_parent_idx\` ON \`comments\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_resolved_idx\` ON \`comments\` (\`resolved\`);`)
  await db.run(sql`CREATE INDEX \`comments_author_idx\` ON \`comments\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_resolved_by_idx\` ON \`comments\` (\`resolved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_updated_at_idx\` ON \`comments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comments_created_at_idx\` ON \`comments\` (\`created_at\`);`)
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
  	\`consents_id\` integer,
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
  	FOREIGN KEY (\`consents_id\`) REFERENCES \`consents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "toolkits_id", "modules_id", "exercises_id", "clips_id", "scripts_id", "comments_id", "consents_id", "audiences_id", "accents_id", "animations_id", "voice_tracks_id", "captions_id", "images_id", "releases_id", "delivery_apps_id", "users_id", "notifications_id") SELECT "id", "order", "parent_id", "path", "toolkits_id", "modules_id", "exercises_id", "clips_id", "scripts_id", "comments_id", "consents_id", "audiences_id", "accents_id", "animations_id", "voice_tracks_id", "captions_id", "images_id", "releases_id", "delivery_apps_id", "users_id", "notifications_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consents_id_idx\` ON \`payload_locked_documents_rels\` (\`consents_id\`);`)
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
}
