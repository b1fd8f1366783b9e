import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { click } from '../helpers/mouse.js';
import type { StepDefinition } from '../../src/schema/api-types.js';
import { sampleView } from '../fixtures/samples.js';
import { until } from '../helpers/until.js';
import { $, renderView, textOfIds, update } from './fixture.js';

/** A step with two long lists (60 options each), as countries are: `where` and `code`. */
const LONG_OPTIONS = Array.from({ length: 60 }, (_, i) => ({ value: `C${i}`, label: `Country ${i}` }));
const LONG_STEPS: StepDefinition[] = [
  {
    id: 'where',
    title: 'Where',
    type: 'form',
    fields: [
      { name: 'where', type: 'select', label: 'Where', options: LONG_OPTIONS },
      { name: 'other', type: 'select', label: 'Other', options: LONG_OPTIONS },
      { name: 'third', type: 'select', label: 'Third', options: LONG_OPTIONS },
    ],
  },
];

describe('form step fields', () => {
  it('text inputs: visible label, hint and error linked, required, autocomplete', async () => {
    const view = sampleView('personal', {
      values: { firstName: 'Anna' },
      fieldErrors: { dateOfBirth: 'You must be at least 18 years old to continue.' },
    });
    const { el, root } = await renderView(view);
    const first = $<HTMLInputElement>(root, '[data-field-path="firstName"]');
    expect(first.labels![0].textContent).to.contain('First name');
    expect(first.labels![0].textContent).to.contain('*');
    expect(first.required).to.equal(true);
    expect(first.getAttribute('aria-required')).to.equal('true');
    expect(first.autocomplete).to.equal('given-name');
    expect(first.value).to.equal('Anna');
    expect(first.maxLength).to.equal(100);

    const dob = $<HTMLInputElement>(root, '[data-field-path="dateOfBirth"]');
    expect(dob.dataset.datePart).to.equal('month');
    expect(dob.getAttribute('aria-invalid')).to.equal('true');
    const described = textOfIds(root, dob.getAttribute('aria-describedby'));
    expect(described).to.contain('You must be at least 18 years old.');
    expect(described).to.contain('Error: You must be at least 18 years old to continue.');
    expect(first.hasAttribute('aria-invalid')).to.equal(false);

    const email = $<HTMLInputElement>(root, '[data-field-path="email"]');
    expect(email.type).to.equal('email');
    expect(email.inputMode).to.equal('email');
    const income = $<HTMLInputElement>(root, '[data-field-path="income"]');
    expect(income.inputMode).to.equal('decimal');
    expect(income.required).to.equal(false);
    expect($(root, '.note').textContent).to.contain('marked with * are required');
    await expect(el).to.be.accessible();
  });

  it('typing calls setValue with the path and value, numbers as numbers', async () => {
    const { root, actions } = await renderView(sampleView('personal'));
    $<HTMLInputElement>(root, '[data-field-path="firstName"]').focus();
    await sendKeys({ type: 'Jo' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['firstName', 'Jo']);
    $<HTMLInputElement>(root, '[data-field-path="income"]').focus();
    await sendKeys({ type: '42' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['income', 42]);
    $<HTMLTextAreaElement>(root, '[data-field-path="about"]').focus();
    await sendKeys({ type: 'Pilot' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['about', 'Pilot']);
  });

  it('country: a redraw (a keystroke elsewhere) keeps the option elements and moves only the selection', async () => {
    const { el, root } = await renderView(sampleView('personal', { values: { nationality: 'PL' } }));
    const select = $<HTMLSelectElement>(root, '[data-field-path="nationality"]');
    const before = [...select.options];
    expect(select.value).to.equal('PL');
    await update(el, sampleView('personal', { values: { nationality: 'DE', firstName: 'Anna' } }));
    expect(select.value).to.equal('DE');
    expect([...select.options].every((o, i) => o === before[i]), 'same option elements').to.equal(true);
    await update(el, sampleView('personal', { locale: 'pl', values: { nationality: 'DE' } }));
    expect(select.value).to.equal('DE');
    expect([...select.options].map((o) => o.textContent)).to.include('Niemcy');
  });

  it('country: a native select of localised names sorted, values are ISO codes', async () => {
    const { root, actions } = await renderView(sampleView('personal', { locale: 'pl' }));
    const select = $<HTMLSelectElement>(root, '[data-field-path="nationality"]');
    const labels = [...select.options].slice(1).map((o) => o.textContent!.trim());
    expect(labels).to.include('Polska');
    expect(labels).to.include('Niemcy');
    expect([...labels]).to.deep.equal([...labels].sort(new Intl.Collator('pl').compare));
    expect(select.options[0].value).to.equal('');
    expect(select.options[0].textContent).to.contain('Wybierz kraj');
    // The API sends every country field with its options (it accepts no other value): those are offered, with the placeholder.
    const residence = $<HTMLSelectElement>(root, '[data-field-path="country"]');
    expect(residence.options.length).to.equal(select.options.length);
    expect(residence.autocomplete).to.equal('country');
    select.focus();
    await sendKeys({ type: 'Niem' });
    select.dispatchEvent(new Event('change'));
    expect(actions.setValue.lastCall.args).to.deep.equal(['nationality', 'DE']);
  });

  it("country: the API's names in the API's order when the workflow speaks the user's language; Intl's names, sorted, otherwise", async () => {
    // Names Intl would not give, so that the test sees whose names are shown.
    const options = [
      { value: 'DE', label: 'Germany (as the API names it)' },
      { value: 'AT', label: 'Austria (as the API names it)' },
    ];
    const steps: StepDefinition[] = [{ id: 'where', title: 'Where', type: 'form', fields: [{ name: 'country', type: 'country', label: 'Country', options }] }];
    const labels = (root: ParentNode) => [...$<HTMLSelectElement>(root, '[data-field-path="country"]').options].slice(1).map((o) => o.textContent);
    const same = await renderView(sampleView('where', {}, steps));
    // The API sorts its names (sandbox/API.md): the widget keeps its order and needs no Intl.Collator.
    expect(labels(same.root)).to.deep.equal(['Germany (as the API names it)', 'Austria (as the API names it)']);
    const other = await renderView(sampleView('where', { locale: 'pl' }, steps));
    expect(labels(other.root)).to.deep.equal(['Austria', 'Niemcy']);
  });

  it('a long list is drawn with its chosen option alone, and whole on focus, on a pointer, or once the page is idle', async () => {
    const { el, root } = await renderView(sampleView('where', { values: { where: 'C7' } }, LONG_STEPS));
    const [where, other, third] = [...root.querySelectorAll('select')];
    // As drawn: the placeholder and the chosen option, busy (the page has not been idle since).
    expect([...where!.options].map((o) => o.value)).to.deep.equal(['', 'C7']);
    expect(where!.value).to.equal('C7');
    expect(where!.getAttribute('aria-busy')).to.equal('true');
    expect([...other!.options].map((o) => o.value)).to.deep.equal(['']);
    // Focus (a Tab, a screen reader): whole at once, before a key can reach an option; the choice kept.
    where!.focus();
    expect(where!.options.length).to.equal(61);
    expect(where!.value).to.equal('C7');
    expect(where!.hasAttribute('aria-busy')).to.equal(false);
    // A pointer (a click, a tap that opens a phone's picker): whole at once.
    other!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(other!.options.length).to.equal(61);
    // The page idle: whole (autofill and test tools find every option).
    await until(() => third!.options.length === 61 && !third!.hasAttribute('aria-busy'), 'the third list whole');
    // A redraw keeps the same option elements and moves the selection.
    const before = [...where!.options];
    await update(el, sampleView('where', { values: { where: 'C9', other: 'C1' } }, LONG_STEPS));
    expect([...where!.options].every((o, i) => o === before[i]), 'same option elements').to.equal(true);
    expect(where!.value).to.equal('C9');
    expect(other!.value).to.equal('C1');
    await expect(el).to.be.accessible();
  });

  it('a long list whose widget leaves the page before it is idle is not completed then; drawn again, it is', async () => {
    const { el, root } = await renderView(sampleView('where', { values: { where: 'C7' } }, LONG_STEPS));
    const where = root.querySelector('select')!;
    const parent = el.parentNode!;
    el.remove();
    // The widget's idle work has had its turn: an idle callback asked for after it has run (WebKit: the frames after).
    await new Promise((resolve) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(resolve) : requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect(where.options.length, 'no work for a list off the page').to.equal(2);
    parent.append(el);
    await update(el, sampleView('where', { values: { where: 'C7' } }, LONG_STEPS));
    await until(() => where.options.length === 61 && !where.hasAttribute('aria-busy'), 'the list whole once drawn again');
    expect(where.value).to.equal('C7');
  });

  it('a long list given another value before it is whole shows that value at once', async () => {
    const { el, root } = await renderView(sampleView('where', {}, LONG_STEPS));
    const where = root.querySelector('select')!;
    expect(where.getAttribute('aria-busy')).to.equal('true');
    await update(el, sampleView('where', { values: { where: 'C42' } }, LONG_STEPS));
    expect(where.value).to.equal('C42');
    expect(where.options.length).to.equal(61);
    expect(where.hasAttribute('aria-busy')).to.equal(false);
  });

  it('tel: a fieldset with a labelled calling-code select and number input', async () => {
    const view = sampleView('personal', {
      values: { phone: { countryCode: '+49', number: '1512' } },
      fieldErrors: { 'phone.number': 'Enter 6 to 14 digits.' },
    });
    const { root, actions } = await renderView(view);
    const number = $<HTMLInputElement>(root, 'input[data-field-path="phone"]');
    const code = $<HTMLSelectElement>(root, 'select[data-field-path="phone.countryCode"]');
    const fieldset = number.closest('fieldset')!;
    expect(fieldset.querySelector('legend')!.textContent).to.contain('Phone number');
    expect(code.labels![0].textContent).to.contain('Country calling code');
    expect(number.labels![0].textContent).to.contain('Phone number');
    expect(code.value).to.equal('+49');
    expect(number.type).to.equal('tel');
    expect(number.autocomplete).to.equal('tel-national');
    expect(code.autocomplete).to.equal('tel-country-code');
    expect(number.getAttribute('aria-invalid')).to.equal('true');
    expect(textOfIds(root, number.getAttribute('aria-describedby'))).to.contain('Enter 6 to 14 digits.');
    number.focus();
    await sendKeys({ type: '3' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['phone', { countryCode: '+49', number: '15123' }]);
    code.value = '+48';
    code.dispatchEvent(new Event('change'));
    expect(actions.setValue.lastCall.args).to.deep.equal(['phone', { countryCode: '+48', number: '1512' }]);
  });

  it('radio: a fieldset with legend, arrow keys choose', async () => {
    const view = sampleView('identity-document', { values: { documentType: 'passport' }, fieldErrors: { documentType: 'Choose a document type.' } });
    const { el, root, actions } = await renderView(view);
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio][data-field-path="documentType"]')];
    expect(radios).to.have.length(3);
    expect(radios[0].closest('fieldset')!.querySelector('legend')!.textContent).to.contain('Document type');
    expect(radios[0].checked).to.equal(true);
    expect(radios[1].labels![0].textContent).to.equal('Identity card');
    expect(textOfIds(root, radios[0].getAttribute('aria-describedby'))).to.contain('Choose a document type.');
    radios[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['documentType', 'id-card']);
    await expect(el).to.be.accessible();
  });

  it('select: a click on the label focuses it; choosing calls setValue', async () => {
    const steps: StepDefinition[] = [
      { id: 'company', type: 'form', title: 'Company', fields: [{ name: 'legalForm', type: 'select', label: 'Legal form', required: true, options: [{ value: 'LLC', label: 'Limited liability company' }, { value: 'JSC', label: 'Joint-stock company' }] }] },
    ];
    const { root, actions } = await renderView(sampleView('company', {}, steps));
    const select = $<HTMLSelectElement>(root, 'select');
    await click(select.labels![0]);
    expect(root.activeElement).to.equal(select);
    select.value = 'JSC';
    select.dispatchEvent(new Event('change'));
    expect(actions.setValue.lastCall.args).to.deep.equal(['legalForm', 'JSC']);
  });

  it('checkbox consent: Space toggles, links open in a new tab and say so', async () => {
    const { el, root, actions } = await renderView(sampleView('consents'));
    const terms = $<HTMLInputElement>(root, '[data-field-path="terms"]');
    expect(terms.labels![0].textContent).to.contain('I accept the terms of service.');
    expect(terms.required).to.equal(true);
    terms.focus();
    await sendKeys({ press: ' ' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['terms', true]);
    const link = $<HTMLAnchorElement>(root, 'a');
    expect(link.href).to.equal('https://example.com/terms');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent).to.contain('(opens in a new tab)');
    expect(link.querySelector('.vh')).to.exist;
    await expect(el).to.be.accessible();
  });
});

describe('server-provided text', () => {
  const hostile: StepDefinition[] = [
    {
      id: 'x',
      type: 'form',
      title: '<img src=x onerror="window.__pwned=1">Title',
      description: '<script>window.__pwned=1</script>',
      fields: [
        { name: 'a', type: 'checkbox', label: '<b>bold</b><img src=x onerror="window.__pwned=1">', hint: '<i>hint</i>',
          links: [
            { label: 'Evil', href: 'javascript:window.__pwned=1' },
            { label: 'Data', href: 'data:text/html,<script>alert(1)</script>' },
            { label: 'Terms', href: 'https://example.com/terms' },
          ] },
        { name: 'b', type: 'select', label: 'Pick', options: [{ value: 'v', label: '<img src=x onerror="window.__pwned=1">' }] },
      ],
    },
  ];

  it('renders markup as text, never as elements', async () => {
    const { root } = await renderView(sampleView('x', { banner: { code: 'server', message: '<img src=x onerror="window.__pwned=1">', retryable: false } }, hostile));
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('b')).to.equal(null);
    expect(root.querySelector('script')).to.equal(null);
    expect($(root, 'h2').textContent).to.contain('<img src=x onerror=');
    expect($(root, 'label[for]').textContent).to.contain('<b>bold</b>');
    expect($(root, '[role=alert]').textContent).to.contain('<img');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('drops javascript: and data: links, keeps https', async () => {
    const { root } = await renderView(sampleView('x', {}, hostile));
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/terms']);
  });
});
