/**
 * The screen the official engine shows instead of (or around) TransactionLink's widget. Its own
 * module so that the engine's file (loaded on demand, with no imports) and the view drawn by the
 * main file share it without the engine depending on the view.
 *
 * `loading`: the engine or TransactionLink's script is on its way; `failed`: it could not be loaded;
 * `busy`: another element drives TransactionLink's widget; `complete` / `cancelled`: a finished
 * workflow whose frame is gone.
 */
export type OfficialScreen = 'loading' | 'failed' | 'busy' | 'complete' | 'cancelled' | null;
