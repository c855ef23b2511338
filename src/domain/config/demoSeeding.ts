export interface DemoSeedingDecision {
  shouldSeed: boolean
  reason: string
}

/**
 * Demo users have published passwords, so they exist only where nobody real works: development,
 * or a production-mode start that asks for them explicitly (the browser tests do).
 */
export function decideDemoSeeding(env: {
  nodeEnv: string | undefined
  seedDemo: string | undefined
}): DemoSeedingDecision {
  const flag = env.seedDemo?.trim()
  if (flag === '1' || flag === 'true') {
    return { shouldSeed: true, reason: 'SEED_DEMO=1 asks for the demo content and demo users' }
  }
  if (flag === '0' || flag === 'false') {
    return { shouldSeed: false, reason: 'SEED_DEMO=0 turns demo seeding off' }
  }
  if (env.nodeEnv === 'production') {
    return {
      shouldSeed: false,
      reason: 'production start: demo users are never seeded (set SEED_DEMO=1 to seed them anyway)',
    }
  }
  if (env.nodeEnv === 'test') {
    return { shouldSeed: false, reason: 'test run: each test seeds what it needs' }
  }
  return {
    shouldSeed: true,
    reason: 'development start: seeding the demo if the database is empty',
  }
}
