import { DeliveryError } from '../../delivery-client/browser'
import type { Translate } from '../strings'

/** What to tell a person about a failure, in their language. */
export function problemMessage(t: Translate, error: unknown): string {
  if (error instanceof DeliveryError) {
    switch (error.code) {
      case 'bad-asset':
        return t('refusedTampered')
      case 'bad-signature':
      case 'unknown-key':
      case 'bad-manifest':
        return t('refusedSignature')
      case 'network':
        return t('problemNetwork')
      case 'unauthorized':
      case 'forbidden':
        return t('problemKey')
      default:
        return t('problemOther', { problem: error.message })
    }
  }
  return t('problemOther', { problem: error instanceof Error ? error.message : String(error) })
}
