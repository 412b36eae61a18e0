/**
 * Where unsaved form input waits, so closing the panel or a browser crash loses nothing typed.
 * The entrypoint provides it (extension storage); tests use the in-memory one.
 */
export interface DraftStore {
  load(key: string): Promise<unknown>;
  save(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export function memoryDraftStore(): DraftStore & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    load: async (key) => structuredClone(entries.get(key)),
    save: async (key, value) => {
      entries.set(key, structuredClone(value));
    },
    remove: async (key) => {
      entries.delete(key);
    },
  };
}
