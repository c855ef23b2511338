import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_releases_changelog\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`line\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_releases_changelog\`("_order", "_parent_id", "id", "line") SELECT "_order", "_parent_id", "id", "line" FROM \`releases_changelog\`;`)
  await db.run(sql`DROP TABLE \`releases_changelog\`;`)
  await db.run(sql`ALTER TABLE \`__new_releases_changelog\` RENAME TO \`releases_changelog\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`releases_changelog_order_idx\` ON \`releases_changelog\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`releases_changelog_parent_id_idx\` ON \`releases_changelog\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_releases_changelog\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`line\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_releases_changelog\`("_order", "_parent_id", "id", "line") SELECT "_order", "_parent_id", "id", "line" FROM \`releases_changelog\`;`)
  await db.run(sql`DROP TABLE \`releases_changelog\`;`)
  await db.run(sql`ALTER TABLE \`__new_releases_changelog\` RENAME TO \`releases_changelog\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`releases_changelog_order_idx\` ON \`releases_changelog\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`releases_changelog_parent_id_idx\` ON \`releases_changelog\` (\`_parent_id\`);`)
}
