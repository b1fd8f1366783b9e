/**
 * `npm run test:faults`: the fault suite on the built widget. Every fault of the proxy on every
 * operation (`FAULTS_SIZE=full`), or each fault once on a rotating operation (the default, in
 * `npm test`), plus the interrupted-save races. Prints the `faults:` line from what happened.
 */
import { expect } from '@open-wc/testing';
import { race } from './race.js';
import { FAULTS, loadBuiltWidget, OPERATIONS, runScenario, type Outcome } from './scenario.js';
import { report, suiteSize } from './report.js';

describe('fault suite: faults x operations on the built widget', function () {
  this.timeout(30 * 60_000);
  before(() => loadBuiltWidget());

  it('recovers from every fault with nothing saved twice, nothing lost and no dead end', async () => {
    const full = (await suiteSize()) === 'full';
    const outcomes: Outcome[] = [];
    for (const [index, fault] of FAULTS.entries()) {
      const operations = full ? OPERATIONS : [OPERATIONS[index % OPERATIONS.length]!];
      for (const op of operations) outcomes.push(await runScenario(op, fault));
    }
    outcomes.push(await race('remove'), await race('swap'));
    const failed = outcomes.filter(
      (o) => !o.reachedEnd || o.duplicateSaves > 0 || o.inputsLost.length > 0 || o.uncaught.length > 0 || o.faultsApplied === 0,
    );
    const line =
      `faults: ${outcomes.length} scenarios, ${outcomes.filter((o) => o.reachedEnd).length} recovered, ` +
      `${outcomes.reduce((n, o) => n + o.duplicateSaves, 0)} duplicate saves, ` +
      `${outcomes.reduce((n, o) => n + o.inputsLost.length, 0)} inputs lost, ` +
      `${outcomes.filter((o) => o.deadEnd !== null).length} dead ends`;
    await report(line);
    expect(failed, JSON.stringify(failed, null, 1)).to.deep.equal([]);
  });
});
