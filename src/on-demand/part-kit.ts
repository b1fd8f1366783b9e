/**
 * A part's file as the build writes it (build/parts.ts): a standalone ES module with no import of
 * its own, whose default export builds the part's exports from the bindings of the main file it
 * uses (Lit, helpers), handed over in a list: its kit. Both builds load the same files.
 */
export interface PartFile {
  default: (kit: readonly unknown[]) => unknown;
}

/**
 * The kit of each part by name: the main file's bindings each part uses, in the order its file
 * expects them. The builds put a generated module in place of this one; the sources need no kit.
 */
export const kits: Readonly<Record<string, () => readonly unknown[]>> = {};
