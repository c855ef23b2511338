// Generated from src/delivery-client/manifest.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { DeliveryManifest, ReleaseQuery } from './types.mjs'
/**
 * The manifest versions this client reads: releases made before credits are version 1, and
 * before assets had file names version 2.
 */
export declare const MANIFEST_SCHEMAS: readonly [
  'cdm-manifest/1',
  'cdm-manifest/2',
  'cdm-manifest/3',
]
/** The newest version, the one the studio writes now. */
export declare const MANIFEST_SCHEMA = 'cdm-manifest/3'
export declare function parseManifest(bytes: Uint8Array): DeliveryManifest
/**
 * Checks what the JSON Schema cannot: every file the manifest points at is listed in its asset
 * table. Also rejects table entries that could not be stored safely: keys and `file` become file
 * names, so a file name must be its own key and at most an extension more.
 */
export declare function checkManifestAssets(manifest: DeliveryManifest): void
/**
 * A correctly signed manifest can still be the wrong one (a replayed manifest of another
 * audience, locale or toolkit), so it must describe exactly what was asked for.
 */
export declare function checkManifestMatches(
  manifest: DeliveryManifest,
  expected: ReleaseQuery & {
    version: string
  },
): void
/** Whether a manifest is of this toolkit, audience and locale (and version, when given). */
export declare function matchesQuery(
  manifest: DeliveryManifest,
  expected: ReleaseQuery & {
    version?: string
  },
): boolean
