// The few `chrome.*` calls the end-to-end tests evaluate inside the extension's service worker.
declare namespace chrome {
  namespace storage {
    const local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  }
  namespace tabs {
    function query(query: {
      url?: string;
    }): Promise<{ id?: number; windowId: number; url?: string; title?: string }[]>;
  }
}
