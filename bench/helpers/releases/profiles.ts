import { maybeProfile } from '../profile'

export type Profiled = <T>(name: string, work: () => Promise<T>) => Promise<T>

/** Runs timed steps through maybeProfile (BENCH_PROFILE=1) and keeps their summaries. */
export function collectProfiles(): { profiled: Profiled; summaries: string[] } {
  const summaries: string[] = []
  const profiled: Profiled = async (name, work) => {
    const { result, summary } = await maybeProfile(name, work)
    summaries.push(...summary)
    return result
  }
  return { profiled, summaries }
}
