/**
 * The right-to-left pseudo-locale (`ar-XB`, the tag Android and Chromium use for it): English
 * texts, each wrapped in RIGHT-TO-LEFT OVERRIDE ... POP DIRECTIONAL FORMATTING, so they read
 * mirrored. It is for checking layouts under `dir="rtl"` (the gallery shows it, clearly marked),
 * not a language for end users.
 */
export const PSEUDO_RTL_LOCALE = 'ar-XB';

const RLO = '\u202e';
const PDF = '\u202c';

/** `text` as the pseudo-locale shows it. */
export function pseudoRtl(text: string): string {
  return `${RLO}${text}${PDF}`;
}
