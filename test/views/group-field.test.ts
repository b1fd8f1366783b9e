import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { click } from '../helpers/mouse.js';
import { KYB_STEPS, sampleView } from '../fixtures/samples.js';
import { $, renderView, textOfIds, update } from './fixture.js';

const owner = (firstName: string) => ({ firstName, lastName: 'Nowak', nationality: 'PL', ownershipPercent: 30 });

describe('group field (beneficial owners)', () => {
  it('a fieldset per entry with legend "Beneficial owner n" and nested paths', async () => {
    const view = sampleView('owners', {
      values: { owners: [owner('Jan'), owner('Ewa')] },
      fieldErrors: { 'owners.1.firstName': 'Enter a first name.' },
    }, KYB_STEPS);
    const { el, root } = await renderView(view);
    const legends = [...root.querySelectorAll('fieldset.entry > legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['Beneficial owner 1', 'Beneficial owner 2']);
    const second = $<HTMLInputElement>(root, '[data-field-path="owners.1.firstName"]');
    expect(second.value).to.equal('Ewa');
    expect(second.labels![0].textContent).to.contain('First name');
    expect(textOfIds(root, second.getAttribute('aria-describedby'))).to.contain('Enter a first name.');
    const ids = [...root.querySelectorAll('[id]')].map((n) => n.id);
    expect(new Set(ids).size).to.equal(ids.length);
    await expect(el).to.be.accessible();
  });

  it('Remove buttons name their entry and call removeGroupItem; Add calls addGroupItem', async () => {
    const { root, actions } = await renderView(sampleView('owners', { values: { owners: [owner('Jan'), owner('Ewa')] } }, KYB_STEPS));
    const removes = [...root.querySelectorAll<HTMLButtonElement>('.entry__remove')];
    expect(removes.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Remove Beneficial owner 1',
      'Remove Beneficial owner 2',
    ]);
    await click(removes[1]);
    expect(actions.removeGroupItem.calledOnceWith('owners', 1)).to.equal(true);
    const add = $<HTMLButtonElement>(root, '.group__add button');
    expect(add.textContent!.trim()).to.equal('Add Beneficial owner');
    add.focus();
    await sendKeys({ press: 'Enter' });
    expect(actions.addGroupItem.calledOnceWith('owners')).to.equal(true);
  });

  it('after Add, focus moves to the first field of the new entry once it renders', async () => {
    const { el, root } = await renderView(sampleView('owners', { values: { owners: [owner('Jan')] } }, KYB_STEPS));
    $(root, '.group__add button').focus();
    await sendKeys({ press: 'Enter' });
    await update(el, sampleView('owners', { values: { owners: [owner('Jan'), {}] } }, KYB_STEPS));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(root.activeElement).to.equal(root.querySelector('[data-field-path="owners.1.firstName"]'));
  });

  it('a group-level error is linked to the group, whose focusable title carries the path', async () => {
    const { el, root } = await renderView(sampleView('owners', { values: { owners: [] }, fieldErrors: { owners: 'Add at least one beneficial owner.' } }, KYB_STEPS));
    const title = $(root, '[data-field-path="owners"]');
    expect(title.tagName).to.equal('H3');
    expect(title.getAttribute('tabindex')).to.equal('-1');
    const group = title.closest('[role=group]')!;
    expect(textOfIds(root, group.getAttribute('aria-describedby'))).to.contain('Add at least one beneficial owner.');
    await expect(el).to.be.accessible();
  });

  it('respects minItems: the only entry cannot be removed; an empty value shows minItems entries', async () => {
    const { root } = await renderView(sampleView('owners', { values: { owners: [] } }, KYB_STEPS));
    expect(root.querySelectorAll('fieldset.entry')).to.have.length(1);
    expect(root.querySelectorAll('.entry__remove')).to.have.length(0);
  });

  it('disables Add at maxItems and says why', async () => {
    const { el, root } = await renderView(
      sampleView('owners', { values: { owners: [owner('A'), owner('B'), owner('C'), owner('D')] } }, KYB_STEPS),
    );
    const add = $<HTMLButtonElement>(root, '.group__add button');
    expect(add.disabled).to.equal(true);
    expect(textOfIds(root, add.getAttribute('aria-describedby'))).to.contain('You can add up to 4.');
    await expect(el).to.be.accessible();
  });

  it('Polish labels of the chrome', async () => {
    const { root } = await renderView(sampleView('owners', { locale: 'pl', values: { owners: [owner('Jan'), owner('Ewa')] } }, KYB_STEPS));
    expect($(root, '.group__add button').textContent!.trim()).to.equal('Dodaj: Beneficial owner');
    expect($(root, '.entry__remove').textContent).to.contain('Usuń');
  });
});
