import type { Catalogue } from './en.js';

/** Polish messages. Same keys as `en.ts`; the compiler reports any missing one. */
export const pl: Catalogue = {
  'state.idle.title': 'Oczekiwanie na rozpoczęcie',
  'state.idle.body': 'Weryfikacja rozpocznie się, gdy strona przekaże token dostępu.',
  'state.invalid.title': 'Ten link jest nieprawidłowy',
  'state.invalid.body': 'Nie udało się odczytać tokenu dostępu. Odśwież stronę lub zacznij od nowa tam, skąd przyszedłeś.',
  'state.expired.title': 'Twoja sesja wygasła',
  'state.expired.body': 'Ze względów bezpieczeństwa sesja trwa ograniczony czas. Odśwież stronę, aby kontynuować od miejsca, w którym skończyłeś.',
  'state.expired.keep': 'Twoje odpowiedzi na tej stronie zostały zachowane. Odnów sesję, aby kontynuować.',
  'state.loading': 'Wczytywanie weryfikacji...',
};
