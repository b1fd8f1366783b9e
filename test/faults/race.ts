/**
 * The interrupted-save race: while the save of the first step is in flight (the server applies it,
 * the answer never comes), the host page removes and re-adds the widget, or swaps in a fresh token.
 * The user then goes on (Continue where needed) to the end: every step must be saved exactly once.
 */
import { audit, widgetToken } from '../helpers/sandbox.js';
import { busy, fillStep, pressPrimary, stepOnScreen, until, uploadsSettled } from './driver.js';
import { FaultProxy } from './proxy-client.js';
import { catchingUncaught, lostInputs, mountWidget, suiteTimeoutMs, type Outcome } from './scenario.js';

const STEPS = ['personal', 'identity-document', 'proof-of-address', 'bank', 'consents', 'review'];

/** Runs the race: `remove` (remove and re-add the element) or `swap` (a fresh token for the same workflow). */
export async function race(kind: 'remove' | 'swap'): Promise<Outcome> {
  const proxy = new FaultProxy();
  const fixture = await widgetToken();
  // The save's answer hangs: the widget must give up on it before its default 20 s.
  const timeoutMs = await suiteTimeoutMs(proxy, fixture.token);
  return catchingUncaught(async (uncaught) => {
    const outcome: Outcome = { name: `interrupted save (${kind})`, reachedEnd: false, duplicateSaves: 0, inputsLost: [], deadEnd: null, uncaught, faultsApplied: 0 };
    const el = await mountWidget(proxy, fixture.caseId, timeoutMs);
    try {
      el.token = fixture.token;
      await until(() => stepOnScreen(el) === 'personal', 'the first step');
      await fillStep(el);
      await proxy.add({ fault: 'hang', method: 'PUT', pathContains: '/steps/personal' });
      pressPrimary(el);
      await until(() => busy(el), 'the save in flight');
      // The sandbox applied the save; its answer is withheld.
      await proxy.waitFor({ reached: 1 });
      if (kind === 'remove') {
        el.remove();
        document.body.append(el);
      } else {
        el.token = (await widgetToken({ caseId: fixture.caseId })).token;
      }
      for (const step of STEPS.slice(1)) {
        // Wherever the widget stands, the user presses Continue until the next step shows.
        await until(() => {
          if (stepOnScreen(el) === step) return true;
          if (!busy(el) && stepOnScreen(el) === 'personal') pressPrimary(el);
          return false;
        }, `step ${step}`);
        if (await fillStep(el)) continue;
        await until(() => uploadsSettled(el), `uploads of ${step}`);
        pressPrimary(el);
      }
      await until(() => el.shadowRoot!.querySelector('.screen--complete, .screen--awaiting'), 'the end screen');
      outcome.reachedEnd = true;
    } catch (error) {
      outcome.deadEnd = (error as Error).message;
    } finally {
      el.remove();
      outcome.faultsApplied = (await proxy.log()).applied.filter((a) => a.fault === 'hang').length > 0 ? 1 : 0;
      await proxy.drop();
    }
    const { saves } = await audit(fixture.executionId);
    for (const count of Object.values(saves)) outcome.duplicateSaves += Math.max(0, count - 1);
    if (outcome.reachedEnd) outcome.inputsLost.push(...(await lostInputs(fixture.executionId)));
    return outcome;
  });
}
