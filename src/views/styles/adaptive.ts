import { css } from 'lit';

/** Narrow containers (phones), reduced motion and forced colours. Must come last. */
export const adaptiveStyles = css`
  /* Narrow widgets (phones, sidebars): stack rows, full-width buttons, titles of the step list hidden. */
  @container (max-width: 30rem) {
    .tel {
      grid-template-columns: 1fr;
    }
    .summary > div {
      grid-template-columns: 1fr;
    }
    .steps__title {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .footer,
    .footer__nav {
      flex-direction: column;
      align-items: stretch;
    }
    .footer__nav {
      flex-direction: column-reverse;
    }
    .footer .button,
    .confirm__actions .button {
      width: 100%;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
    .runner * {
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }

  @media (forced-colors: active) {
    .button,
    .control,
    .banner,
    .confirm {
      border: 1px solid CanvasText;
    }
    .button--primary {
      background: ButtonText;
      color: ButtonFace;
      forced-color-adjust: none;
    }
    .steps__marker {
      forced-color-adjust: none;
      border-color: CanvasText;
    }
    .steps__item--done .steps__marker,
    .steps__item--current .steps__marker {
      background: Highlight;
      border-color: Highlight;
    }
    .runner :focus-visible {
      outline-color: Highlight;
    }
    .button[aria-disabled='true'],
    .button:disabled {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
