import * as migration_20261202_033000_derived_media_refs from './20261202_033000_derived_media_refs'

/** MongoDB needs no schema migrations; these rewrite stored data, as their SQLite namesakes do. */
export const mongoMigrations = [
  {
    up: migration_20261202_033000_derived_media_refs.up,
    down: migration_20261202_033000_derived_media_refs.down,
    name: '20261202_033000_derived_media_refs',
  },
]
