import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

/**
 * A virtual X display (Xvfb) for the few tests that need what headless cannot give: a real key press from
 * the operating system, which the browser counts as the user's gesture (it grants `activeTab`). Keys are
 * sent with xdotool, the way a keyboard would send them, not as events made inside a page.
 */
export interface XDisplay {
  /** `:N`, for `DISPLAY`. */
  name: string;
  /** Focuses the browser's newest window and presses a key combination, e.g. `alt+shift+y`. */
  press(keys: string): void;
  close(): void;
}

export async function startXDisplay(): Promise<XDisplay> {
  // -displayfd: Xvfb picks a free display number and writes it to stdout once it accepts connections.
  const server: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const number = await new Promise<string>((resolve, reject) => {
    let seen = '';
    server.stdout?.on('data', (data: Buffer) => {
      seen += data.toString();
      if (seen.includes('\n')) resolve(seen.trim());
    });
    server.once('error', (error) =>
      reject(new Error(`Xvfb did not start (${error.message}): apt-get install -y xvfb xdotool`)),
    );
    server.once('exit', (code) => reject(new Error(`Xvfb exited with ${code} before it was ready`)));
  });
  const name = `:${number}`;
  const xdotool = (...args: string[]) =>
    execFileSync('xdotool', args, { env: { ...process.env, DISPLAY: name } })
      .toString()
      .trim();
  return {
    name,
    press(keys) {
      // No window manager runs here, so the window is focused directly rather than "activated".
      const windows = xdotool('search', '--onlyvisible', '--class', 'chromium').split('\n').filter(Boolean);
      const newest = windows.at(-1);
      if (!newest) throw new Error(`no browser window on display ${name}`);
      xdotool('windowfocus', newest);
      xdotool('key', '--clearmodifiers', keys);
    },
    close() {
      server.kill();
    },
  };
}
