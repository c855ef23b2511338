// Generated from src/delivery-client/types.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
export {}
