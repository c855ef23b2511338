import type { CollectionConfig } from 'payload'

import { userEndpoints } from './endpoints'
import { enforcePasswordPolicy } from './hooks/enforcePasswordPolicy'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { keepConsentHolders } from './hooks/keepConsentHolders'
import { passwordResetNeedsEmail } from './hooks/passwordResetNeedsEmail'
import { pseudonymIsDisplayName } from './hooks/pseudonymIsDisplayName'
import { refuseErasedAccounts } from './hooks/refuseErasedAccounts'
import { clearSignInLock, screenSignInAttempt } from './hooks/screenSignIn'
import { throttlePasswordResets } from './hooks/throttlePasswordResets'
import { adminOrSelf, adminsOnly, adminsOnlyField, anyStaff } from '../../access/predicates'
import { hasRole, ROLE_LABELS, ROLES, staffUser } from '../../access/roles'
import { EMAIL_PREFERENCE_LABELS, EMAIL_PREFERENCES } from '../../domain/vocabulary'
import { privateField } from '../../fields/privateField'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  admin: {
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'role', 'email'],
    group: 'Studio',
  },
  auth: {
    // Payload's own lock counts failures per account from everyone, so anyone could keep the
    // admin locked out by failing on purpose. The studio's throttles (src/domain/auth/
    // signInPolicy.ts, run by hooks/screenSignIn.ts) replace it.
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    cookies: {
      // Browsers keep a Secure cookie over https and on loopback only (production refuses a
      // plain-http SERVER_URL for that reason, see src/domain/config/serverUrl.ts).
      secure: process.env.NODE_ENV === 'production',
      // Strict: the session is never sent with a request another site starts, links included.
      // Nothing reaches the studio from other sites with a session: delivery apps use API keys,
      // and a link from an email opens the admin, which asks to sign in on first load.
      sameSite: 'Strict',
    },
  },
  access: {
    // Everyone signed in sees display names (comments, reviews); private fields are guarded below.
    read: anyStaff,
    create: adminsOnly,
    update: adminOrSelf,
    delete: adminsOnly,
    // Payload's default lets any signed-in user unlock any account.
    unlock: ({ req }) => hasRole(req, 'admin'),
    admin: ({ req }) => staffUser(req) !== null,
  },
  hooks: {
    beforeOperation: [
      screenSignInAttempt,
      enforcePasswordPolicy,
      passwordResetNeedsEmail,
      throttlePasswordResets,
    ],
    beforeLogin: [refuseErasedAccounts],
    afterOperation: [clearSignInLock],
    beforeValidate: [pseudonymIsDisplayName],
    beforeChange: [firstUserIsAdmin],
    beforeDelete: [keepConsentHolders],
  },
  endpoints: userEndpoints,
  fields: [
    // Everyone's email, not only co-producers': who is a co-producer cannot be told from a row
    // fetched with `select`, so the rule does not try (DESIGN.md, privacy model).
    privateField({ name: 'email', type: 'email' }, { readableBySubject: true }),
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'designer',
      saveToJWT: true,
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: { create: adminsOnlyField, update: adminsOnlyField },
      admin: { position: 'sidebar', description: 'Only admins can change roles.' },
    },
    {
      name: 'displayName',
      type: 'text',
      required: true,
      admin: {
        description: 'The name everyone else sees. For co-producers it is always their pseudonym.',
        condition: (data) => data?.role !== 'coProducer',
      },
    },
    {
      name: 'pseudonym',
      type: 'text',
      admin: {
        description: 'Shown to everyone instead of the real name. Protects the co-producer.',
        condition: (data) => data?.role === 'coProducer',
      },
      validate: (
        value: string | null | undefined,
        { siblingData }: { siblingData: { role?: string } },
      ) =>
        siblingData?.role === 'coProducer' && !value?.trim()
          ? 'Co-producers need a pseudonym: it is the only name others see.'
          : true,
    },
    {
      name: 'emailPreference',
      label: 'Emails from the studio',
      type: 'select',
      // Not required, so accounts made before it (and scripts creating users) mean "every".
      defaultValue: 'every',
      options: EMAIL_PREFERENCES.map((value) => ({ value, label: EMAIL_PREFERENCE_LABELS[value] })),
      admin: {
        position: 'sidebar',
        description:
          'When a script waits for you, changes are asked for, a script you worked on is approved or changed, or a toolkit with your work is out.',
      },
    },
    privateField(
      {
        name: 'realName',
        type: 'text',
        admin: {
          description: 'Visible to admins only (and to the person themselves).',
          condition: (data) => data?.role === 'coProducer',
        },
      },
      { readableBySubject: true },
    ),
    {
      name: 'erasedAt',
      label: 'Personal details erased on',
      type: 'date',
      // Set only by the erasure (POST /api/users/:id/erase); it stops the account signing in.
      access: { create: () => false, update: () => false },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.erasedAt),
      },
    },
    {
      name: 'personalDetails',
      type: 'ui',
      admin: {
        position: 'sidebar',
        condition: (data) => data?.role === 'coProducer',
        components: { Field: '/admin/components/CoProducerPrivacy#CoProducerPrivacy' },
      },
    },
  ],
}
