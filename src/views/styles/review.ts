import { css } from 'lit';

/** The review step (the `review` part). Comes after the main file's styles. */
export const reviewStyles = css`
  .review {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  .review__step {
    padding: var(--_space);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .review__head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  .review__head h3 {
    margin: 0;
    font-size: 1.125em;
  }
  .review-group {
    display: grid;
    gap: 0.75rem;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }
  .review-group > li {
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
  }
  .review-group__title {
    font-weight: 600;
  }

`;
