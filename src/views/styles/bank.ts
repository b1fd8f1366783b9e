import { css } from 'lit';

/** The bank step (the `bank` part): bank list, simulated login. Comes after the main file's styles. */
export const bankStyles = css`
  .bank-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .choice.choice--bank {
    padding: 0 0 0 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    align-items: center;
  }
  .choice.choice--bank label {
    align-self: stretch;
    display: flex;
    align-items: center;
    padding: 0.5rem 0.75rem 0.5rem 0;
    cursor: pointer;
  }
  .choice.choice--bank:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .login {
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .login .field {
    margin: 0;
  }

  @media (forced-colors: active) {
    .choice.choice--bank {
      border: 1px solid CanvasText;
    }
  }
`;
