import * as migration_20261127_100206_initial from './20261127_100206_initial';
import * as migration_20261127_103750_media_processing from './20261127_103750_media_processing';

export const migrations = [
  {
    up: migration_20261127_100206_initial.up,
    down: migration_20261127_100206_initial.down,
    name: '20261127_100206_initial',
  },
  {
    up: migration_20261127_103750_media_processing.up,
    down: migration_20261127_103750_media_processing.down,
    name: '20261127_103750_media_processing'
  },
];
