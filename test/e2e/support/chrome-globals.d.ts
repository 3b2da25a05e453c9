// The few `chrome.*` calls the end-to-end tests evaluate inside the extension's service worker.
declare namespace chrome {
  namespace storage {
    const managed: { get(callback: (value: unknown) => void): void };
    const local: {
      get(key?: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    const session: {
      get(key?: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  }
  namespace identity {
    function getRedirectURL(): string;
  }
  namespace contextMenus {
    function removeAll(callback: () => void): void;
    function update(id: string, properties: Record<string, unknown>, callback: () => void): void;
  }
  namespace runtime {
    const lastError: { message?: string } | undefined;
    function requestUpdateCheck(): Promise<{ status: string; version?: string }>;
    function reload(): void;
    const onUpdateAvailable: { addListener(callback: (details: { version: string }) => void): void };
  }
  namespace management {
    function getSelf(): Promise<{ id: string; version: string; installType: string }>;
  }
  namespace tabs {
    function query(query: {
      url?: string;
      active?: boolean;
      lastFocusedWindow?: boolean;
    }): Promise<{ id?: number; windowId: number; url?: string; title?: string }[]>;
  }
}
