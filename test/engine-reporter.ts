/**
 * A web-test-runner reporter that, once the run is over, prints per browser the tests run, passed,
 * failed and skipped, and the title of every skipped test: a suite an engine cannot run says why in
 * its title (test/helpers/engine.ts), so the reason is in the log of every run.
 */
import type { Reporter, TestSession, TestSuiteResult } from '@web/test-runner-core';

interface Tally {
  passed: number;
  failed: number;
  skipped: string[];
}

function walk(suite: TestSuiteResult, path: string[], tally: Tally): void {
  for (const test of suite.tests) {
    if (test.skipped) tally.skipped.push([...path, test.name].join(' > '));
    else if (test.passed) tally.passed += 1;
    else tally.failed += 1;
  }
  for (const child of suite.suites) walk(child, [...path, child.name], tally);
}

export function engineSummaryReporter(): Reporter {
  return {
    stop({ sessions }: { sessions: TestSession[] }) {
      const byBrowser = new Map<string, Tally>();
      for (const session of sessions) {
        const tally = byBrowser.get(session.browser.name) ?? { passed: 0, failed: 0, skipped: [] };
        byBrowser.set(session.browser.name, tally);
        if (session.testResults) walk(session.testResults, [], tally);
      }
      for (const [browser, tally] of byBrowser) {
        for (const title of tally.skipped) console.log(`${browser}: skipped: ${title}`);
        const skipped = tally.skipped.length ? `, ${tally.skipped.length} skipped` : '';
        console.log(`${browser}: ${tally.passed} passed, ${tally.failed} failed${skipped}`);
      }
    },
  };
}
