import type { Reporter, TestModule } from 'vitest/node'

/**
 * Prints the plain closing line CI reads: `N passed, N failed` (plus skipped), counted over every test case.
 * Modules that fail to load count as one failure each.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
  ): void {
    let passed = 0
    let failed = unhandledErrors.length
    let skipped = 0
    for (const mod of testModules) {
      let cases = 0
      for (const test of mod.children.allTests()) {
        cases++
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      if (cases === 0 && mod.state() === 'failed') failed++
    }
    process.stdout.write(
      `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    )
  }
}
