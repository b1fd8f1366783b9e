import { expect } from '@open-wc/testing';
import type { FieldDefinition, StepDefinition, StepValues } from '../../src/schema/api-types.js';
import { addEnglish, loadLanguage } from '../../src/i18n/localize.js';
import { validationStrings } from '../../src/i18n/en-validation.js';
import { renderMessages } from '../../src/i18n/message.js';
import { validateStep, type ValidateOptions } from '../../src/runner/validate.js';

/** The errors of `validateStep` as the user reads them in `locale`. */
function errorsIn(step: StepDefinition, values: StepValues, locale: string, options?: ValidateOptions): Record<string, string> {
  return renderMessages(validateStep(step, values, options), locale);
}

const step = (...fields: FieldDefinition[]): StepDefinition => ({ id: 's', type: 'form', title: 'S', fields });
const file = { id: 'f1', name: 'a.png', size: 10, type: 'image/png' };

describe('validateStep', () => {
  // The validation's English texts come with its part (src/parts/validation.ts); here, directly.
  before(() => {
    addEnglish(validationStrings);
    return loadLanguage('pl');
  });

  it('reports required fields in field order, in the widget language', () => {
    const s = step(
      { name: 'firstName', type: 'text', label: 'First', required: true },
      { name: 'consent', type: 'checkbox', label: 'I agree', required: true },
      { name: 'front', type: 'file', label: 'Front', required: true },
      { name: 'nick', type: 'text', label: 'Nick' },
    );
    const errors = errorsIn(s, { firstName: '  ', consent: false }, 'en');
    expect(Object.keys(errors)).to.deep.equal(['firstName', 'consent', 'front']);
    expect(errors.firstName).to.equal('This field is required.');
    expect(errorsIn(s, {}, 'pl').firstName).to.equal('To pole jest wymagane.');
    expect(errorsIn(s, { firstName: 'Anna', consent: true, front: file }, 'en')).to.deep.equal({});
  });

  it('checks length, pattern (with its own message), email and numbers', () => {
    const s = step(
      { name: 'code', type: 'text', label: 'Code', pattern: '[A-Z]{3}', patternMessage: 'Three capitals.' },
      { name: 'name', type: 'text', label: 'Name', minLength: 2, maxLength: 4 },
      { name: 'email', type: 'email', label: 'Email' },
      { name: 'age', type: 'number', label: 'Age', min: 18, max: 120 },
    );
    expect(errorsIn(s, { code: 'ABCD', name: 'A', email: 'a@b', age: 17 }, 'en')).to.deep.equal({
      code: 'Three capitals.',
      name: 'Enter at least 2 characters.',
      email: 'Enter an email address like name@example.com.',
      age: 'Enter a number of at least 18.',
    });
    expect(errorsIn(s, { code: 'ABC', name: 'Anna', email: 'a@b.pl', age: 40 }, 'en')).to.deep.equal({});
    expect(errorsIn(s, { age: '40' }, 'en').age).to.equal('Enter a number.');
  });

  it('checks dates, their range, phone numbers and options', () => {
    const s = step(
      { name: 'dob', type: 'date', label: 'Born', min: '1900-01-01', max: '2008-01-01' },
      { name: 'phone', type: 'tel', label: 'Phone', pattern: '[0-9]{6,14}', options: [{ value: '+48', label: 'PL' }] },
      { name: 'doc', type: 'radio', label: 'Doc', options: [{ value: 'passport', label: 'Passport' }] },
    );
    const bad = errorsIn(s, { dob: '2010-02-30', phone: { countryCode: '+1', number: '123456' }, doc: 'visa' }, 'en');
    expect(Object.keys(bad)).to.deep.equal(['dob', 'phone', 'doc']);
    expect(errorsIn(s, { dob: '2010-01-01' }, 'en').dob).to.equal('Enter a date on or before Jan 1, 2008.');
    expect(errorsIn(s, { dob: '1990-05-05', phone: { countryCode: '+48', number: '600100200' }, doc: 'passport' }, 'en')).to.deep.equal({});
  });

  it('checks group sizes and the fields of each entry by dotted path', () => {
    const s = step({
      name: 'owners',
      type: 'group',
      label: 'Owners',
      required: true,
      minItems: 1,
      maxItems: 2,
      fields: [{ name: 'firstName', type: 'text', label: 'First', required: true }],
    });
    expect(errorsIn(s, { owners: [] }, 'en')).to.have.keys('owners');
    expect(errorsIn(s, { owners: [{ firstName: 'A' }, {}] }, 'en')).to.deep.equal({ 'owners.1.firstName': 'This field is required.' });
    expect(errorsIn(s, { owners: [{ firstName: 'A' }, { firstName: 'B' }, { firstName: 'C' }] }, 'en')).to.have.keys('owners');
  });

  it('accepts an empty optional group, as the server does', () => {
    const s = step({ name: 'owners', type: 'group', label: 'Owners', minItems: 1, fields: [] });
    expect(errorsIn(s, { owners: [] }, 'en')).to.deep.equal({});
  });

  it('refuses a step while one of its files is still uploading', () => {
    const s = step({ name: 'front', type: 'file', label: 'Front', required: true });
    expect(errorsIn(s, { front: null }, 'en', { uploading: ['front'] }).front).to.equal('Wait until the file has finished uploading.');
  });
});
