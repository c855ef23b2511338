import * as migration_20261127_100206_initial from './20261127_100206_initial';
import * as migration_20261127_103750_media_processing from './20261127_103750_media_processing';
import * as migration_20261127_105456_coproduction from './20261127_105456_coproduction';
import * as migration_20261127_105603_audit_log from './20261127_105603_audit_log';
import * as migration_20261127_112639_releases from './20261127_112639_releases';
import * as migration_20261127_121843_release_build_progress from './20261127_121843_release_build_progress';
import * as migration_20261127_130324_release_changelog_shown_while_draft from './20261127_130324_release_changelog_shown_while_draft';
import * as migration_20261201_185700_sign_in_protection from './20261201_185700_sign_in_protection';
import * as migration_20261202_033000_derived_media_refs from './20261202_033000_derived_media_refs';
import * as migration_20261202_134742_notifications from './20261202_134742_notifications';
import * as migration_20261202_174148_consent_and_erasure from './20261202_174148_consent_and_erasure';
import * as migration_20261203_134400_voice_comments from './20261203_134400_voice_comments';

export const migrations = [
  {
    up: migration_20261127_100206_initial.up,
    down: migration_20261127_100206_initial.down,
    name: '20261127_100206_initial',
  },
  {
    up: migration_20261127_103750_media_processing.up,
    down: migration_20261127_103750_media_processing.down,
    name: '20261127_103750_media_processing',
  },
  {
    up: migration_20261127_105456_coproduction.up,
    down: migration_20261127_105456_coproduction.down,
    name: '20261127_105456_coproduction',
  },
  {
    up: migration_20261127_105603_audit_log.up,
    down: migration_20261127_105603_audit_log.down,
    name: '20261127_105603_audit_log',
  },
  {
    up: migration_20261127_112639_releases.up,
    down: migration_20261127_112639_releases.down,
    name: '20261127_112639_releases',
  },
  {
    up: migration_20261127_121843_release_build_progress.up,
    down: migration_20261127_121843_release_build_progress.down,
    name: '20261127_121843_release_build_progress',
  },
  {
    up: migration_20261127_130324_release_changelog_shown_while_draft.up,
    down: migration_20261127_130324_release_changelog_shown_while_draft.down,
    name: '20261127_130324_release_changelog_shown_while_draft',
  },
  {
    up: migration_20261201_185700_sign_in_protection.up,
    down: migration_20261201_185700_sign_in_protection.down,
    name: '20261201_185700_sign_in_protection',
  },
  {
    up: migration_20261202_033000_derived_media_refs.up,
    down: migration_20261202_033000_derived_media_refs.down,
    name: '20261202_033000_derived_media_refs',
  },
  {
    up: migration_20261202_134742_notifications.up,
    down: migration_20261202_134742_notifications.down,
    name: '20261202_134742_notifications',
  },
  {
    up: migration_20261202_174148_consent_and_erasure.up,
    down: migration_20261202_174148_consent_and_erasure.down,
    name: '20261202_174148_consent_and_erasure',
  },
  {
    up: migration_20261203_134400_voice_comments.up,
    down: migration_20261203_134400_voice_comments.down,
    name: '20261203_134400_voice_comments'
  },
];
