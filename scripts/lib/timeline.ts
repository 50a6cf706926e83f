import { performance } from 'node:perf_hooks'

/** One moment of a run: which thread (`lane`), what had just finished, and when (epoch milliseconds). */
export interface TimelineMark {
  lane: string
  phase: string
  at: number
}

/**
 * The current time on the clock every thread of the process shares (epoch milliseconds, sub-millisecond).
 *
 * @returns `performance.timeOrigin + performance.now()`
 * @example
 * const at = now()
 */
export function now(): number {
  return performance.timeOrigin + performance.now()
}

/**
 * Collects phase marks of `pnpm generate --timings` from the main thread and the render workers, and prints
 * them as milliseconds since the process started.
 */
export class Timeline {
  readonly marks: TimelineMark[] = []

  /**
   * Records that `phase` just finished on `lane`.
   *
   * @param lane - `main` or the spec's API name
   * @param phase - what finished
   * @param at - when (default: now)
   * @example
   * timeline.mark('main', 'workers started')
   */
  mark(lane: string, phase: string, at = now()): void {
    this.marks.push({ lane, phase, at })
  }

  /**
   * One line per lane: `lane: phase @ms (+ms since the previous mark), ...`, times since the process started.
   *
   * @returns the lines, main first
   * @example
   * for (const line of timeline.lines()) console.error(line)
   */
  lines(): string[] {
    const start = performance.timeOrigin
    const lanes = [...new Set(this.marks.map((m) => m.lane))]
    return lanes.map((lane) => {
      let previous = start
      const parts = this.marks
        .filter((m) => m.lane === lane)
        .sort((a, b) => a.at - b.at)
        .map((m) => {
          const part = `${m.phase} @${Math.round(m.at - start)} (+${Math.round(m.at - previous)})`
          previous = m.at
          return part
        })
      return `${lane}: ${parts.join(', ')}`
    })
  }
}
