/**
 * The email an erased account keeps: Payload needs a unique email on every account, and `.invalid`
 * (RFC 2606) can never receive mail, so nothing is ever sent to it.
 */
export const erasedEmail = (userId: string | number): string => `erased-${userId}@erased.invalid`

/** Why an admin's erasure of this account cannot go ahead, or null when it can. */
export function erasureRefusal(
  target: { role: string; pseudonym?: string | null; erasedAt?: string | null },
  typedPseudonym: string,
): string | null {
  if (target.role !== 'coProducer') {
    return "Only a co-producer's personal details are erased here; this account is not a co-producer's."
  }
  if (target.erasedAt) return "This co-producer's personal details have already been erased."
  if ((target.pseudonym ?? '').trim() !== typedPseudonym.trim()) {
    return "The pseudonym typed is not this co-producer's; type it exactly to confirm the erasure."
  }
  return null
}
