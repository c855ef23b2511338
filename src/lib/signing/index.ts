export {
  type ActiveSigningKey,
  DEV_KEY_DIR,
  type LoadSigningKeysOptions,
  type PublicKeyInfo,
  SIGNING_ALGORITHM,
  type SigningKeys,
  keyIdOf,
  loadSigningKeys,
  parsePrivateKey,
  parsePublicKey,
  publicKeyFromRaw,
  publicKeyInfo,
  rawPublicKey,
} from './keys'
export { type DetachedSignature, signDetached, verifyDetached } from './detached'
