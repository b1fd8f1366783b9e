import { css } from 'lit';

/** File fields (the `upload` part): drop zone, file card, progress, preview. Comes after the main file's styles. */
export const uploadStyles = css`
  .dropzone,
  .file-card {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .dropzone {
    grid-template-columns: minmax(0, 1fr);
    border: 2px dashed var(--_border);
  }
  .dropzone--over {
    border-color: var(--_accent);
    border-style: solid;
  }
  .file-input {
    width: 100%;
    min-height: 44px;
    font: inherit;
  }
  .file-input::file-selector-button {
    min-height: 44px;
    margin-inline-end: 0.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    color: var(--_accent-text);
    background: var(--_bg);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .file-card progress {
    width: 100%;
    max-width: 24rem;
  }
  .file-card__name {
    font-weight: 600;
  }
  .file-card__preview {
    max-width: min(100%, 16rem);
    max-height: 12rem;
    object-fit: contain;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }
  .badge {
    display: inline-block;
    margin-inline-start: 0.5rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_success);
    border-radius: 999px;
    color: var(--_success);
    font-size: 0.8125em;
  }

  @media (forced-colors: active) {
    .dropzone,
    .file-card {
      border: 1px solid CanvasText;
    }
  }
`;
