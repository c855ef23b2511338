// Generated from src/delivery-client/types.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
/**
 * The delivery client's public types. Self-contained on purpose: the built client that apps copy
 * depends on nothing of the studio's code (a type-level test keeps `DeliveryManifest` equal to
 * the studio's `Manifest`).
 */
/**
 * The `cdm-manifest/3` document (JSON Schema `schemas/cdm-manifest-3.schema.json`), or an older
 * one read as version 3: version 1 as crediting nobody, and versions 1 and 2 with each asset's
 * `file` its bare sha256, which is how their playlists name files.
 */
export interface DeliveryManifest {
  schema: 'cdm-manifest/1' | 'cdm-manifest/2' | 'cdm-manifest/3'
  toolkit: {
    slug: string
    title: string
  }
  release: {
    version: string
    previous: string | null
    /** ISO 8601 date-time. */
    publishedAt: string
    changelog: string[]
    /** The co-producers the release credits, by pseudonym; empty in version 1. */
    credits: string[]
  }
  audience: {
    slug: string
    label: string
  }
  locale: string
  modules: DeliveryManifestModule[]
  /**
   * sha256 of the printable worksheets (a PDF): every exercise's worksheet, key points, task
   * and diary prompts, for when only paper is left. Releases built since version 3 have one.
   */
  printable?: string
  /** sha256 (lowercase hex) → size and type of every file the manifest refers to. */
  assets: Record<string, DeliveryManifestAsset>
}
export interface DeliveryManifestAsset {
  bytes: number
  mime: string
  /**
   * Its file name: fetch it as /api/delivery/assets/<file>, and keep it under that name beside
   * the others, since playlists name it so.
   */
  file: string
}
export interface DeliveryManifestModule {
  slug: string
  title: string
  mandatory: boolean
  exercises: DeliveryManifestExercise[]
}
export interface DeliveryManifestExercise {
  slug: string
  title: string
  minutes: number | null
  worksheet: {
    intro: string
    questions: {
      prompt: string
      answerType: 'text' | 'scale' | 'choice'
      options: string[]
    }[]
  }
  task: string
  keyPoints: string[]
  diaryPrompts: string[]
  clip: DeliveryManifestClip
}
export interface DeliveryManifestClip {
  slug: string
  title: string
  durationMs: number
  /** sha256 of the poster image. */
  poster: string
  /**
   * sha256 of the multivariant HLS playlist; it names its playlists and segments by sha256,
   * relative to itself.
   */
  hls: string
  offline: {
    accent: {
      label: string
      tag: string
    }
    sha256: string
  }[]
  voiceTracks: {
    label: string
    tag: string
    sha256: string
  }[]
  captions: {
    locale: string
    sha256: string
  }[]
}
export type DeliveryErrorCode =
  /** The caller passed something unusable (no pinned keys, a malformed key, a bad URL). */
  | 'invalid-argument'
  /** The server could not be reached, or a download broke off; safe to retry. */
  | 'network'
  /** The sync was cancelled through `signal`. */
  | 'aborted'
  /** HTTP 400: the request was malformed, e.g. an unknown locale. */
  | 'bad-request'
  /** HTTP 401: the API key is missing, wrong or revoked. */
  | 'unauthorized'
  /** HTTP 403. */
  | 'forbidden'
  /** HTTP 404: no such toolkit, release, audience or asset. */
  | 'not-found'
  /** HTTP 410: the release was withdrawn. */
  | 'gone'
  /** Any other HTTP error status. */
  | 'http'
  /** The server answered 2xx with something that does not follow the delivery API. */
  | 'bad-response'
  /** The manifest is signed, but not what was asked for or not a usable cdm-manifest/1. */
  | 'bad-manifest'
  /** The manifest's signature does not verify (or is missing). */
  | 'bad-signature'
  /** The manifest is signed by a key that is not pinned. */
  | 'unknown-key'
  /** A downloaded file does not match the sha256 or size the manifest lists. */
  | 'bad-asset'
  /** A manifest (or another API answer) is larger than the client accepts. */
  | 'too-large'
  /** The studio URL, or a redirect, is not https (plain http only to localhost/loopback). */
  | 'insecure-url'
  /** The offered release is older than one already installed for this toolkit × audience × locale. */
  | 'rollback'
  /** The offered release is one the studio withdrew. */
  | 'withdrawn'
  /** The state file exists but cannot be read. */
  | 'bad-state'
/** A trusted public key: base64 of the raw 32 bytes, or an entry of `/api/delivery/keys`. */
export type PinnedKey =
  | string
  | {
      publicKey: string
      keyId?: string
      algorithm?: 'Ed25519'
    }
/** An entry of `GET /api/delivery/keys`. */
export interface PublishedKey {
  keyId: string
  algorithm: 'Ed25519'
  /** Base64 of the raw 32-byte public key. */
  publicKey: string
}
export interface ReleaseQuery {
  /** Toolkit slug. */
  toolkit: string
  /** Audience slug. */
  audience: string
  /** BCP 47 locale, e.g. en-GB. */
  locale: string
}
export interface LatestRelease {
  version: string
  /** Absolute path (`/api/...`) or URL of the signed manifest. */
  manifestUrl: string
  /** The offline bundle.zip, when the server has built one. */
  bundleUrl: string | null
  publishedAt: string
  /** Releases of this toolkit × audience × locale the studio has withdrawn. */
  withdrawn: {
    version: string
    reason: string | null
  }[]
}
export interface FetchedManifest {
  /** The exact bytes the signature covers; store these, not a re-serialisation. */
  bytes: Uint8Array
  /** Parsed but NOT yet verified: call `verifyManifest` before trusting it. */
  manifest: DeliveryManifest
  /** Base64 Ed25519 signature from `X-CDM-Signature`. */
  signature: string
  keyId: string
  etag: string | null
}
export interface NotModified {
  notModified: true
}
export interface VerifyManifestInput {
  bytes: Uint8Array
  signature: string
  keyId: string
  /** The only keys trusted; never keys fetched alongside the manifest. */
  pinnedKeys: readonly PinnedKey[]
}
export interface SyncProgress {
  phase: 'manifest' | 'assets' | 'finalise'
  /** Assets present and verified so far (reused or downloaded). */
  assetsDone: number
  assetsTotal: number
  /** Bytes of the release present and verified so far; never decreases. */
  bytesDone: number
  /** Bytes of all the release's assets. */
  bytesTotal: number
  /** The asset this report is about. */
  current?: string
}
export interface SyncOptions extends ReleaseQuery {
  /** Folder holding `manifest.json`, `manifest.sig.json` and `assets/<sha256>`. */
  outDir: string
  /**
   * Where the client remembers the highest version installed and the withdrawn ones, so a
   * validly signed older or withdrawn release is refused. Must be outside `outDir`; default
   * `<outDir>.cdm-state.json` beside it. One file may serve several folders.
   */
  stateFile?: string
  /** The only trust anchor for the manifest's signature. */
  pinnedKeys: readonly PinnedKey[]
  onProgress?: (progress: SyncProgress) => void
  /** Parallel downloads; default 4. */
  concurrency?: number
  /** Extra attempts per asset after a network failure, resuming from what arrived; default 2. */
  retries?: number
  signal?: AbortSignal
}
export interface SyncResult {
  version: string
  /** sha256 of every asset downloaded by this sync. */
  downloaded: string[]
  /** sha256 of every asset already present and verified. */
  reused: string[]
  /** sha256 of every asset file deleted because the new manifest no longer lists it. */
  removed: string[]
  /** Bytes received from the network by this sync. */
  bytesDownloaded: number
}
export interface DeliveryClientOptions {
  /** The studio's origin, e.g. https://studio.example.org. */
  baseUrl: string
  /** The delivery app's API key; sent only to `baseUrl`'s origin. */
  apiKey: string
  fetch?: typeof globalThis.fetch
  /** Largest manifest accepted, checked while it downloads and before parsing; default 8 MiB. */
  maxManifestBytes?: number
}
/** What the client remembers between syncs (see `state.ts`). */
export interface DeliveryState {
  schema: 'cdm-delivery-state/1'
  /** By `toolkit|audience|locale`. */
  installed: Record<string, InstalledRelease>
  /** Signing keys trusted on first use, by studio origin. */
  trustedKeys: Record<string, PublishedKey[]>
}
export interface InstalledRelease {
  /** The highest version ever installed; never lowered. */
  highest: string | null
  /** Withdrawn versions the studio named, with its reason. */
  withdrawn: Record<string, string | null>
}
export interface DeliveryClient {
  readonly baseUrl: string
  latest(
    query: ReleaseQuery,
    options?: {
      signal?: AbortSignal
    },
  ): Promise<LatestRelease>
  /** Keys the server publishes. Pin them out of band; do not trust them at sync time. */
  keys(options?: { signal?: AbortSignal }): Promise<PublishedKey[]>
  fetchManifest(
    url: string,
    options?: {
      etag?: string | null
      signal?: AbortSignal
    },
  ): Promise<FetchedManifest | NotModified>
  verifyManifest(input: VerifyManifestInput): void
  syncRelease(options: SyncOptions): Promise<SyncResult>
}
