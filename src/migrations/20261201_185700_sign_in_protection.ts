import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`client_address\` text;`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`subject_key\` text;`)
  await db.run(sql`CREATE INDEX \`audit_log_client_address_idx\` ON \`audit_log\` (\`client_address\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_subject_key_idx\` ON \`audit_log\` (\`subject_key\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`audit_log_client_address_idx\`;`)
  await db.run(sql`DROP INDEX \`audit_log_subject_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`client_address\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`subject_key\`;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
}
