/**
 * The theme studio's settings and their stable link: everything a designer chose is in the URL
 * hash (`#state=bank&locale=pl&scheme=dark&width=375&--tl-color-accent=%230b5fff`), so "the bank
 * picker in Polish, dark" is a link to send.
 */
import { THEME_TOKENS, type SchemeChoice } from './theme-tokens.js';

export interface StudioSettings {
  locale: string;
  scheme: SchemeChoice;
  /** Viewport preset in CSS pixels, or '' for fluid. */
  width: '' | '320' | '375' | '768' | '1024';
  /** One state id, or '' for every state. */
  state: string;
  /** `--tl-*` values the designer set. */
  tokens: Record<string, string>;
}

const WIDTHS = ['', '320', '375', '768', '1024'] as const;
const SCHEMES: readonly SchemeChoice[] = ['auto', 'light', 'dark'];
const LOCALES = ['en', 'pl', 'de', 'ar-XB'];
const TOKEN_NAMES = new Set<string>(THEME_TOKENS.map((t) => t.name));

/** Settings from a URL hash; anything unknown is ignored. */
export function parseSettings(hash: string): StudioSettings {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
  const tokens: Record<string, string> = {};
  for (const [name, value] of params) if (TOKEN_NAMES.has(name) && value.trim()) tokens[name] = value.trim();
  return {
    locale: pick(params.get('locale'), LOCALES, 'en'),
    scheme: pick(params.get('scheme'), SCHEMES, 'auto'),
    width: pick(params.get('width'), WIDTHS, ''),
    state: params.get('state') ?? '',
    tokens,
  };
}

/** The URL hash of `settings` (defaults left out), optionally for one other state. */
export function settingsHash(settings: StudioSettings, state = settings.state): string {
  const params = new URLSearchParams();
  if (state) params.set('state', state);
  if (settings.locale !== 'en') params.set('locale', settings.locale);
  if (settings.scheme !== 'auto') params.set('scheme', settings.scheme);
  if (settings.width) params.set('width', settings.width);
  for (const [name, value] of Object.entries(settings.tokens)) params.set(name, value);
  const text = params.toString();
  return text ? `#${text}` : '#';
}
