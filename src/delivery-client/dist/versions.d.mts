// Generated from src/delivery-client/versions.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
/** Semantic-version precedence (build metadata ignored): negative when a comes first. */
export declare function compareVersions(a: string, b: string): number
