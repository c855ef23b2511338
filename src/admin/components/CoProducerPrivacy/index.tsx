'use client'
import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useCallback, useEffect, useState } from 'react'

import { ConsentParts } from './ConsentParts'
import { EraseForm } from './EraseForm'
import './coProducerPrivacy.scss'
import type { Consent, User } from '../../../payload-types'
import { requestJson } from '../../requestJson'

/**
 * A co-producer's consent and personal details, in their account's sidebar. The co-producer
 * sees what they agreed to and can withdraw any part; an admin sees the record (or is asked to
 * make one) and can erase the person's real name and email. Nobody else sees anything here.
 */
export function CoProducerPrivacy() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<User>()
  const [consent, setConsent] = useState<Consent | null | undefined>(undefined)
  const [account, setAccount] = useState<Pick<User, 'pseudonym' | 'erasedAt'> | null>(null)
  const isAdmin = user?.role === 'admin'
  const isSelf = user != null && id != null && String(user.id) === String(id)

  const load = useCallback(
    () =>
      Promise.all([
        requestJson<{ docs: Consent[] }>(
          `/api/consents?where[coProducer][equals]=${encodeURIComponent(String(id))}&depth=0&limit=1`,
        ),
        requestJson<User>(`/api/users/${encodeURIComponent(String(id))}?depth=0`),
      ])
        .then(([records, person]) => {
          setConsent(records.docs[0] ?? null)
          setAccount({ pseudonym: person.pseudonym, erasedAt: person.erasedAt })
        })
        .catch(() => setConsent(null)),
    [id],
  )

  useEffect(() => {
    if (id != null && (isAdmin || isSelf)) void load()
  }, [id, isAdmin, isSelf, load])

  if (!(isAdmin || isSelf) || consent === undefined) return null
  return (
    <section className="cdm-privacy" aria-labelledby="cdm-privacy-title">
      <h3 id="cdm-privacy-title">{isSelf ? 'Your consent' : 'Consent'}</h3>
      {consent ? (
        <ConsentParts
          consent={consent}
          canWithdraw={isSelf || isAdmin}
          onChange={load}
          isSelf={isSelf}
        />
      ) : (
        <p>
          {isSelf
            ? 'No consent is recorded for you yet. Talk to the studio team before your words or voice are used.'
            : 'No consent is recorded yet. Their work is not credited until it is.'}{' '}
          {isAdmin && <Link href="/admin/collections/consents/create">Record their consent</Link>}
        </p>
      )}
      {consent && isAdmin && (
        <p>
          <Link href={`/admin/collections/consents/${consent.id}`}>Open the consent record</Link>
        </p>
      )}
      {isAdmin && account && !isSelf && (
        <EraseForm
          userId={String(id)}
          pseudonym={account.pseudonym ?? ''}
          erasedAt={account.erasedAt}
          onErased={load}
        />
      )}
    </section>
  )
}
