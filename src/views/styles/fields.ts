import { css } from 'lit';

/** Fields: labels, hints, errors, controls, choices, phone and groups (file fields: `upload.ts`, in their part). */
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
  .entry,
  .choices,
  .tel > div,
  .date > div {
    grid-template-columns: minmax(0, 1fr);
  }
  .fieldset {
    border: 0;
    padding: 0;
  }
  /* Boxes: group entry, confirmation, banners (the parts' own boxes are in their styles). */
  .entry,
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
  }
  .control--short {
    max-width: 14rem;
  }
  textarea.control {
    min-height: 6rem;
    resize: vertical;
  }
  .control[aria-invalid='true'],
  .choice input[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.9375em;
  }
  .choices,
  .tel > div,
  .date > div {
    display: grid;
    gap: 0.25rem;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.625rem;
    min-height: 44px;
    padding: 0.5rem 0;
  }
  .choice input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .choice label {
    flex: 1;
    padding-top: 0.0625rem;
  }
  .links {
    margin: 0;
    padding-inline-start: 2.125rem;
    list-style: none;
  }
  .links a {
    display: inline-block;
    min-height: 44px;
    padding: 0.625rem 0;
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

  /* Groups */
  .group__title {
    font-size: 1.125em;
    margin: 0;
  }
  .entry {
    display: grid;
    gap: var(--_space);
    margin: 0;
    min-width: 0;
    background: none;
  }
  .entry__legend {
    font-weight: 700;
    padding: 0 0.375rem;
  }
  .entry .field {
    margin: 0;
  }
  .entry__remove {
    justify-self: start;
  }
  .group__add {
    display: grid;
    gap: 0.25rem;
    justify-items: start;
  }
`;
