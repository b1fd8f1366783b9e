import { css } from 'lit';

/** Fields: labels, hints, errors, controls, selects, phone and date (files, groups, radios and checkboxes: in their parts' styles). */
export const fieldsStyles = css`
  /* Fields */
  .fields {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.375rem;
    margin: 0 0 var(--_space);
    min-width: 0;
  }
  .fields > .field {
    margin-bottom: 0;
  }
  /* One column that never asks its items how wide they want to be: an auto column measures
     every item, and a select measures each of its options (a 249-country list laid out in 17 ms
     in an auto column, 4 ms in this one). */
  .fields,
  .field,
  .tel > div,
  .date > div {
    grid-template-columns: minmax(0, 1fr);
  }
  .fieldset {
    border: 0;
    padding: 0;
  }
  /* Boxes: confirmation, banners (the parts' own boxes are in their styles). */
  .confirm,
  .banner {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .label {
    font-weight: 600;
    padding: 0;
  }
  .sublabel {
    font-size: 0.875em;
  }
  .required {
    color: var(--_danger);
    margin-inline-start: 0.25em;
  }
  .hint,
  .note,
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .control {
    width: 100%;
    max-width: 32rem;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* A paint layer of its own: a keystroke repaints the control, not the whole step (Chromium). */
    isolation: isolate;
  }
  .control--short {
    max-width: 14rem;
  }
  textarea.control {
    min-height: 6rem;
    resize: vertical;
  }
  .control[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.9375em;
  }
  .tel > div,
  .date > div {
    display: grid;
    gap: 0.25rem;
  }
  .tel {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) minmax(0, 18rem);
    gap: 0.5rem 0.75rem;
  }
  .date {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
  }
  .date__day,
  .date__month {
    width: 4.5rem;
  }
  .date__year {
    width: 6.5rem;
  }
  .inline-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .inline-row .control {
    flex: 1 1 12rem;
    width: auto;
  }
`;
