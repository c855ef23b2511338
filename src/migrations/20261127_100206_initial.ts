import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`toolkits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`cover_image_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`cover_image_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`toolkits_slug_idx\` ON \`toolkits\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`toolkits_cover_image_idx\` ON \`toolkits\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`toolkits_updated_at_idx\` ON \`toolkits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`toolkits_created_at_idx\` ON \`toolkits\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`toolkits_locales\` (
  	\`title\` text,
  	\`summary\` text,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`toolkits\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`toolkits_locales_locale_parent_id_unique\` ON \`toolkits_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`modules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`toolkit_id\` integer NOT NULL,
  	\`slug\` text NOT NULL,
  	\`order\` numeric DEFAULT 0 NOT NULL,
  	\`mandatory\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`toolkit_id\`) REFERENCES \`toolkits\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`modules_toolkit_idx\` ON \`modules\` (\`toolkit_id\`);`)
  await db.run(sql`CREATE INDEX \`modules_slug_idx\` ON \`modules\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`modules_order_idx\` ON \`modules\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`modules_updated_at_idx\` ON \`modules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`modules_created_at_idx\` ON \`modules\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`toolkit_slug_idx\` ON \`modules\` (\`toolkit_id\`,\`slug\`);`)
  await db.run(sql`CREATE TABLE \`modules_locales\` (
  	\`title\` text,
  	\`intro\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`modules_locales_locale_parent_id_unique\` ON \`modules_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`modules_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`audiences_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audiences_id\`) REFERENCES \`audiences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`modules_rels_order_idx\` ON \`modules_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`modules_rels_parent_idx\` ON \`modules_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`modules_rels_path_idx\` ON \`modules_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`modules_rels_audiences_id_idx\` ON \`modules_rels\` (\`audiences_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_worksheet_questions_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises_worksheet_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`exercises_worksheet_questions_options_order_idx\` ON \`exercises_worksheet_questions_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`exercises_worksheet_questions_options_parent_id_idx\` ON \`exercises_worksheet_questions_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_worksheet_questions_options_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises_worksheet_questions_options\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`exercises_worksheet_questions_options_locales_locale_parent_\` ON \`exercises_worksheet_questions_options_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_worksheet_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`answer_type\` text DEFAULT 'text' NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`exercises_worksheet_questions_order_idx\` ON \`exercises_worksheet_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`exercises_worksheet_questions_parent_id_idx\` ON \`exercises_worksheet_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_worksheet_questions_locales\` (
  	\`prompt\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises_worksheet_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`exercises_worksheet_questions_locales_locale_parent_id_uniqu\` ON \`exercises_worksheet_questions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_diary_prompts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`exercises_diary_prompts_order_idx\` ON \`exercises_diary_prompts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`exercises_diary_prompts_parent_id_idx\` ON \`exercises_diary_prompts\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_diary_prompts_locales\` (
  	\`prompt\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises_diary_prompts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`exercises_diary_prompts_locales_locale_parent_id_unique\` ON \`exercises_diary_prompts_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_summary_key_points\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`exercises_summary_key_points_order_idx\` ON \`exercises_summary_key_points\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`exercises_summary_key_points_parent_id_idx\` ON \`exercises_summary_key_points\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_summary_key_points_locales\` (
  	\`point\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises_summary_key_points\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`exercises_summary_key_points_locales_locale_parent_id_unique\` ON \`exercises_summary_key_points_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`module_id\` integer NOT NULL,
  	\`slug\` text NOT NULL,
  	\`order\` numeric DEFAULT 0 NOT NULL,
  	\`clip_id\` integer,
  	\`minutes\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`module_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`clip_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`exercises_module_idx\` ON \`exercises\` (\`module_id\`);`)
  await db.run(sql`CREATE INDEX \`exercises_slug_idx\` ON \`exercises\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`exercises_order_idx\` ON \`exercises\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`exercises_clip_idx\` ON \`exercises\` (\`clip_id\`);`)
  await db.run(sql`CREATE INDEX \`exercises_updated_at_idx\` ON \`exercises\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`exercises_created_at_idx\` ON \`exercises\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`module_slug_idx\` ON \`exercises\` (\`module_id\`,\`slug\`);`)
  await db.run(sql`CREATE TABLE \`exercises_locales\` (
  	\`title\` text,
  	\`worksheet_intro\` text,
  	\`task\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`exercises_locales_locale_parent_id_unique\` ON \`exercises_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`audiences_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audiences_id\`) REFERENCES \`audiences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`exercises_rels_order_idx\` ON \`exercises_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`exercises_rels_parent_idx\` ON \`exercises_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`exercises_rels_path_idx\` ON \`exercises_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`exercises_rels_audiences_id_idx\` ON \`exercises_rels\` (\`audiences_id\`);`)
  await db.run(sql`CREATE TABLE \`clips_voice_tracks\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`accent_id\` integer NOT NULL,
  	\`track_id\` integer NOT NULL,
  	FOREIGN KEY (\`accent_id\`) REFERENCES \`accents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`track_id\`) REFERENCES \`voice_tracks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`clips_voice_tracks_order_idx\` ON \`clips_voice_tracks\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`clips_voice_tracks_parent_id_idx\` ON \`clips_voice_tracks\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`clips_voice_tracks_accent_idx\` ON \`clips_voice_tracks\` (\`accent_id\`);`)
  await db.run(sql`CREATE INDEX \`clips_voice_tracks_track_idx\` ON \`clips_voice_tracks\` (\`track_id\`);`)
  await db.run(sql`CREATE TABLE \`clips_captions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`locale\` text NOT NULL,
  	\`track_id\` integer NOT NULL,
  	FOREIGN KEY (\`track_id\`) REFERENCES \`captions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`clips_captions_order_idx\` ON \`clips_captions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`clips_captions_parent_id_idx\` ON \`clips_captions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`clips_captions_track_idx\` ON \`clips_captions\` (\`track_id\`);`)
  await db.run(sql`CREATE TABLE \`clips\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`variant_of_id\` integer,
  	\`variant_audience_id\` integer,
  	\`animation_id\` integer,
  	\`poster_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`variant_of_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`variant_audience_id\`) REFERENCES \`audiences\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`animation_id\`) REFERENCES \`animations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`clips_slug_idx\` ON \`clips\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`clips_variant_of_idx\` ON \`clips\` (\`variant_of_id\`);`)
  await db.run(sql`CREATE INDEX \`clips_variant_audience_idx\` ON \`clips\` (\`variant_audience_id\`);`)
  await db.run(sql`CREATE INDEX \`clips_animation_idx\` ON \`clips\` (\`animation_id\`);`)
  await db.run(sql`CREATE INDEX \`clips_poster_idx\` ON \`clips\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`clips_updated_at_idx\` ON \`clips\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`clips_created_at_idx\` ON \`clips\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`clips_locales\` (
  	\`title\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`clips_locales_locale_parent_id_unique\` ON \`clips_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`clips_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`audiences_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audiences_id\`) REFERENCES \`audiences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`clips_rels_order_idx\` ON \`clips_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`clips_rels_parent_idx\` ON \`clips_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`clips_rels_path_idx\` ON \`clips_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`clips_rels_audiences_id_idx\` ON \`clips_rels\` (\`audiences_id\`);`)
  await db.run(sql`CREATE TABLE \`scripts_characters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_characters_order_idx\` ON \`scripts_characters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_characters_parent_id_idx\` ON \`scripts_characters\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scripts_characters_locales\` (
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scripts_characters\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`scripts_characters_locales_locale_parent_id_unique\` ON \`scripts_characters_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scripts_scenes_lines\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`line_id\` text,
  	\`speaker\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scripts_scenes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_scenes_lines_order_idx\` ON \`scripts_scenes_lines\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_scenes_lines_parent_id_idx\` ON \`scripts_scenes_lines\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scripts_scenes_lines_locales\` (
  	\`text\` text,
  	\`direction\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scripts_scenes_lines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`scripts_scenes_lines_locales_locale_parent_id_unique\` ON \`scripts_scenes_lines_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scripts_scenes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_scenes_order_idx\` ON \`scripts_scenes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_scenes_parent_id_idx\` ON \`scripts_scenes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scripts_scenes_locales\` (
  	\`heading\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scripts_scenes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`scripts_scenes_locales_locale_parent_id_unique\` ON \`scripts_scenes_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scripts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`clip_id\` integer,
  	\`status\` text DEFAULT 'draft',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`clip_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_clip_idx\` ON \`scripts\` (\`clip_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_status_idx\` ON \`scripts\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`scripts_updated_at_idx\` ON \`scripts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scripts_created_at_idx\` ON \`scripts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`scripts__status_idx\` ON \`scripts\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`scripts_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_rels_order_idx\` ON \`scripts_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_parent_idx\` ON \`scripts_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_path_idx\` ON \`scripts_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_users_id_idx\` ON \`scripts_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_characters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_scripts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_characters_order_idx\` ON \`_scripts_v_version_characters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_characters_parent_id_idx\` ON \`_scripts_v_version_characters\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_characters_locales\` (
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_scripts_v_version_characters\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_scripts_v_version_characters_locales_locale_parent_id_uniqu\` ON \`_scripts_v_version_characters_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_scenes_lines\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`line_id\` text,
  	\`speaker\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_scripts_v_version_scenes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_scenes_lines_order_idx\` ON \`_scripts_v_version_scenes_lines\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_scenes_lines_parent_id_idx\` ON \`_scripts_v_version_scenes_lines\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_scenes_lines_locales\` (
  	\`text\` text,
  	\`direction\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_scripts_v_version_scenes_lines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_scripts_v_version_scenes_lines_locales_locale_parent_id_uni\` ON \`_scripts_v_version_scenes_lines_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_scenes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_scripts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_scenes_order_idx\` ON \`_scripts_v_version_scenes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_scenes_parent_id_idx\` ON \`_scripts_v_version_scenes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_scenes_locales\` (
  	\`heading\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_scripts_v_version_scenes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_scripts_v_version_scenes_locales_locale_parent_id_unique\` ON \`_scripts_v_version_scenes_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_clip_id\` integer,
  	\`version_status\` text DEFAULT 'draft',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_clip_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_parent_idx\` ON \`_scripts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_clip_idx\` ON \`_scripts_v\` (\`version_clip_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_status_idx\` ON \`_scripts_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_updated_at_idx\` ON \`_scripts_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_created_at_idx\` ON \`_scripts_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version__status_idx\` ON \`_scripts_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_created_at_idx\` ON \`_scripts_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_updated_at_idx\` ON \`_scripts_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_snapshot_idx\` ON \`_scripts_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_published_locale_idx\` ON \`_scripts_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_latest_idx\` ON \`_scripts_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_scripts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_order_idx\` ON \`_scripts_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_parent_idx\` ON \`_scripts_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_path_idx\` ON \`_scripts_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_users_id_idx\` ON \`_scripts_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`audiences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`audiences_slug_idx\` ON \`audiences\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`audiences_updated_at_idx\` ON \`audiences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audiences_created_at_idx\` ON \`audiences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audiences_locales\` (
  	\`label\` text,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`audiences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`audiences_locales_locale_parent_id_unique\` ON \`audiences_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`accents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tag\` text NOT NULL,
  	\`region\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`accents_tag_idx\` ON \`accents\` (\`tag\`);`)
  await db.run(sql`CREATE INDEX \`accents_updated_at_idx\` ON \`accents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`accents_created_at_idx\` ON \`accents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`accents_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`accents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`accents_locales_locale_parent_id_unique\` ON \`accents_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`animations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
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
  await db.run(sql`CREATE INDEX \`animations_updated_at_idx\` ON \`animations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`animations_created_at_idx\` ON \`animations\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`animations_filename_idx\` ON \`animations\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`voice_tracks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
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
  await db.run(sql`CREATE INDEX \`voice_tracks_updated_at_idx\` ON \`voice_tracks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`voice_tracks_created_at_idx\` ON \`voice_tracks\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`voice_tracks_filename_idx\` ON \`voice_tracks\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`captions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
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
  await db.run(sql`CREATE INDEX \`captions_updated_at_idx\` ON \`captions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`captions_created_at_idx\` ON \`captions\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`captions_filename_idx\` ON \`captions\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`images\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
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
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_slide_url\` text,
  	\`sizes_slide_width\` numeric,
  	\`sizes_slide_height\` numeric,
  	\`sizes_slide_mime_type\` text,
  	\`sizes_slide_filesize\` numeric,
  	\`sizes_slide_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`images_updated_at_idx\` ON \`images\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`images_created_at_idx\` ON \`images\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`images_filename_idx\` ON \`images\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`images\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_card_sizes_card_filename_idx\` ON \`images\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_slide_sizes_slide_filename_idx\` ON \`images\` (\`sizes_slide_filename\`);`)
  await db.run(sql`CREATE TABLE \`images_locales\` (
  	\`alt\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`images_locales_locale_parent_id_unique\` ON \`images_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`role\` text DEFAULT 'designer' NOT NULL,
  	\`display_name\` text,
  	\`pseudonym\` text,
  	\`real_name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`toolkits\`;`)
  await db.run(sql`DROP TABLE \`toolkits_locales\`;`)
  await db.run(sql`DROP TABLE \`modules\`;`)
  await db.run(sql`DROP TABLE \`modules_locales\`;`)
  await db.run(sql`DROP TABLE \`modules_rels\`;`)
  await db.run(sql`DROP TABLE \`exercises_worksheet_questions_options\`;`)
  await db.run(sql`DROP TABLE \`exercises_worksheet_questions_options_locales\`;`)
  await db.run(sql`DROP TABLE \`exercises_worksheet_questions\`;`)
  await db.run(sql`DROP TABLE \`exercises_worksheet_questions_locales\`;`)
  await db.run(sql`DROP TABLE \`exercises_diary_prompts\`;`)
  await db.run(sql`DROP TABLE \`exercises_diary_prompts_locales\`;`)
  await db.run(sql`DROP TABLE \`exercises_summary_key_points\`;`)
  await db.run(sql`DROP TABLE \`exercises_summary_key_points_locales\`;`)
  await db.run(sql`DROP TABLE \`exercises\`;`)
  await db.run(sql`DROP TABLE \`exercises_locales\`;`)
  await db.run(sql`DROP TABLE \`exercises_rels\`;`)
  await db.run(sql`DROP TABLE \`clips_voice_tracks\`;`)
  await db.run(sql`DROP TABLE \`clips_captions\`;`)
  await db.run(sql`DROP TABLE \`clips\`;`)
  await db.run(sql`DROP TABLE \`clips_locales\`;`)
  await db.run(sql`DROP TABLE \`clips_rels\`;`)
  await db.run(sql`DROP TABLE \`scripts_characters\`;`)
  await db.run(sql`DROP TABLE \`scripts_characters_locales\`;`)
  await db.run(sql`DROP TABLE \`scripts_scenes_lines\`;`)
  await db.run(sql`DROP TABLE \`scripts_scenes_lines_locales\`;`)
  await db.run(sql`DROP TABLE \`scripts_scenes\`;`)
  await db.run(sql`DROP TABLE \`scripts_scenes_locales\`;`)
  await db.run(sql`DROP TABLE \`scripts\`;`)
  await db.run(sql`DROP TABLE \`scripts_rels\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_characters\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_characters_locales\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_scenes_lines\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_scenes_lines_locales\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_scenes\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_scenes_locales\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_rels\`;`)
  await db.run(sql`DROP TABLE \`audiences\`;`)
  await db.run(sql`DROP TABLE \`audiences_locales\`;`)
  await db.run(sql`DROP TABLE \`accents\`;`)
  await db.run(sql`DROP TABLE \`accents_locales\`;`)
  await db.run(sql`DROP TABLE \`animations\`;`)
  await db.run(sql`DROP TABLE \`voice_tracks\`;`)
  await db.run(sql`DROP TABLE \`captions\`;`)
  await db.run(sql`DROP TABLE \`images\`;`)
  await db.run(sql`DROP TABLE \`images_locales\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
