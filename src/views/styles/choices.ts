import { css } from 'lit';

/** Radio and checkbox fields (the `choices` part): choices, consent documents. Comes after the main file's styles. */
export const choicesStyles = css`
  .choices {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
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
  .choice input[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
`;
