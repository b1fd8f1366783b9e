import { expect } from '@open-wc/testing';
import { getPath, isEmpty, isFileRef, isPhone } from '../../src/shared/field-values.js';
import { validateStep } from '../../src/runner/validate.js';
import { stepRows } from '../../src/views/steps/review-format.js';
import { renderMessage } from '../../src/i18n/message.js';
import type { StepDefinition } from '../../src/schema/api-types.js';
import { sampleView } from '../fixtures/samples.js';
import { loadStepPart } from '../../src/engines/step-parts.js';

// One definition of the value reads that the runner (validation) and the views (review) share.
describe('shared field values', () => {
  it('getPath reads dotted paths through objects and lists, undefined when a part is missing', () => {
    const values = { owners: [{ firstName: 'Anna' }], email: 'a@b.c' };
    expect(getPath(values, 'owners.0.firstName')).to.equal('Anna');
    expect(getPath(values, 'email')).to.equal('a@b.c');
    expect(getPath(values, 'owners.3.firstName')).to.equal(undefined);
    expect(getPath(values, 'email.length')).to.equal(undefined);
    expect(getPath(undefined, 'email')).to.equal(undefined);
  });

  it('isFileRef wants all of id, name, type and a finite, non-negative size', () => {
    const ref = { id: 'f-1', name: 'a.pdf', size: 10, type: 'application/pdf' };
    expect(isFileRef(ref)).to.equal(true);
    expect(isFileRef({ ...ref, size: 0 })).to.equal(true);
    expect(isFileRef({ id: 'f-1', size: 10 })).to.equal(false); // the runner's old test accepted this
    expect(isFileRef({ id: 'f-1', name: 'a.pdf' })).to.equal(false); // the views' old test accepted this
    expect(isFileRef({ ...ref, size: -1 })).to.equal(false);
    expect(isFileRef({ ...ref, size: Number.NaN })).to.equal(false);
    expect(isFileRef([ref])).to.equal(false);
    expect(isFileRef(null)).to.equal(false);
  });

  it('isPhone: an object with a country code and a number', () => {
    expect(isPhone({ countryCode: '+48', number: '600' })).to.equal(true);
    expect(isPhone({ number: '600' })).to.equal(false);
    expect(isPhone('+48 600')).to.equal(false);
  });

  it('isEmpty: missing, null, false, blank text, an empty list and a phone without a number; not 0', () => {
    for (const empty of [undefined, null, false, '', '   ', [], { countryCode: '+48', number: ' ' }]) {
      expect(isEmpty(empty), JSON.stringify(empty)).to.equal(true);
    }
    for (const filled of [0, true, 'x', [{}], { countryCode: '+48', number: '600' }, { id: 'f', name: 'a', size: 1, type: 't' }]) {
      expect(isEmpty(filled), JSON.stringify(filled)).to.equal(false);
    }
  });

  it('the required check and the review agree: blank text and a phone without a number are not provided', async () => {
    await loadStepPart('review'); // the review's texts
    const step: StepDefinition = {
      id: 'contact',
      type: 'form',
      title: 'Contact',
      fields: [
        { name: 'nickname', type: 'text', label: 'Nickname', required: true },
        { name: 'phone', type: 'tel', label: 'Phone', required: true },
        { name: 'terms', type: 'checkbox', label: 'Terms', required: true },
      ],
    };
    const values = { nickname: '   ', phone: { countryCode: '+48', number: '' }, terms: false };
    expect(Object.keys(validateStep(step, values))).to.deep.equal(['nickname', 'phone', 'terms']);
    const view = sampleView('contact', { values }, [step]);
    const rows = stepRows(step, values, view).map((r) => [r.term, r.value]);
    const none = renderMessage({ key: 'views.review.empty' }, 'en');
    expect(rows).to.deep.equal([
      ['Nickname', none],
      ['Phone', none],
      ['Terms', 'No'],
    ]);
  });
});
