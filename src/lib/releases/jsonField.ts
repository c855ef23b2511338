/** Plain data for a Payload json field: the domain types have no index signature to satisfy it. */
export const toJsonField = (value: unknown) =>
  JSON.parse(JSON.stringify(value)) as Record<string, unknown>
