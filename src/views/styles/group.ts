import { css } from 'lit';

/** Group fields (the `group` part): repeatable entries. Comes after the main file's styles. */
export const groupStyles = css`
  .group__title {
    font-size: 1.125em;
    margin: 0;
  }
  .entry {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    margin: 0;
    min-width: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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
  @media (forced-colors: active) {
    .entry {
      border: 1px solid CanvasText;
    }
  }
`;
