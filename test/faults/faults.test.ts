/**
 * `npm run test:faults`: the fault suite on the built widget. Every fault of the proxy on every
 * operation (`FAULTS_SIZE=full`), or each fault once on a rotating operation (the default, in
 * `npm test`), plus the interrupted-save races: one test per scenario, each on a fault proxy of
 * its own. Prints the `faults:` line from what happened, after the last one.
 */
import { expect } from '@open-wc/testing';
import { race } from './race.js';
import { FAULTS, loadBuiltWidget, OPERATIONS, runScenario, type Outcome } from './scenario.js';
import { report, suiteSize } from './report.js';

/** Each fault on one operation (rotating), or on every operation with `FAULTS_SIZE=full`. */
const FULL = (await suiteSize()) === 'full';
const SCENARIOS = FAULTS.flatMap((fault, index) => (FULL ? OPERATIONS : [OPERATIONS[index % OPERATIONS.length]!]).map((op) => ({ fault, op })));

describe('fault suite: faults x operations on the built widget', function () {
  // One scenario is a whole individual KYC with retries and a deliberate hang: a minute at most on a busy machine.
  this.timeout(3 * 60_000);
  const outcomes: Outcome[] = [];

  before(() => loadBuiltWidget());

  after(async () => {
    const line =
      `faults: ${outcomes.length} scenarios, ${outcomes.filter((o) => o.reachedEnd).length} recovered, ` +
      `${outcomes.reduce((n, o) => n + o.duplicateSaves, 0)} duplicate saves, ` +
      `${outcomes.reduce((n, o) => n + o.inputsLost.length, 0)} inputs lost, ` +
      `${outcomes.filter((o) => o.deadEnd !== null).length} dead ends`;
    await report(line);
  });

  /** Records the outcome and asserts it: the end reached, nothing saved twice or lost, no uncaught error, the fault applied. */
  function check(outcome: Outcome): void {
    outcomes.push(outcome);
    expect(outcome.deadEnd, 'dead end').to.equal(null);
    expect(outcome.reachedEnd, 'reached the end').to.equal(true);
    expect(outcome.duplicateSaves, 'duplicate saves').to.equal(0);
    expect(outcome.inputsLost, 'inputs lost').to.deep.equal([]);
    expect(outcome.uncaught, 'uncaught errors').to.deep.equal([]);
    expect(outcome.faultsApplied, 'faults applied (0: the scenario tested nothing)').to.be.greaterThan(0);
  }

  for (const { fault, op } of SCENARIOS) it(`recovers from ${fault} on ${op}`, async () => check(await runScenario(op, fault)));

  it('saves once when the widget is removed and re-added during a save', async () => check(await race('remove')));
  it('saves once when a fresh token arrives during a save', async () => check(await race('swap')));
});
