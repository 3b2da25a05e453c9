import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The open-source Portkey AI gateway from npm (`@portkey-ai/gateway`), run as it ships, as a child process.
 *
 * It listens on every interface and has no option to choose one, so a preload (loopback-only.cjs) moves its
 * `listen` onto 127.0.0.1 and reports the port it got; it is asked for port 0, so two runs never collide.
 * It reaches out only where a request's `x-portkey-custom-host` points (or, for features these tests do not
 * use, to providers' and Portkey's own hosts): the tests point it at 127.0.0.1 only, and
 * TRUSTED_CUSTOM_HOSTS allows nothing else as a custom host.
 */

const requireFromHere = createRequire(import.meta.url);
const PACKAGE_JSON = requireFromHere.resolve('@portkey-ai/gateway/package.json');
const PACKAGE = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string; bin: string };
const ENTRY = join(dirname(PACKAGE_JSON), PACKAGE.bin);
const LOOPBACK_PRELOAD = resolve(import.meta.dirname, 'loopback-only.cjs');

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const KEPT_OUTPUT = 20_000;

export const PORTKEY_VERSION = PACKAGE.version;

export interface PortkeyGateway {
  /** What the extension's settings get as the gateway base URL: `http://127.0.0.1:<port>/v1`. */
  url: string;
  /** The last lines Portkey printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

interface ListeningMessage {
  loopbackListening: { address: string; port: number };
}

function isListeningMessage(message: unknown): message is ListeningMessage {
  const listening = (message as Partial<ListeningMessage> | null)?.loopbackListening;
  return typeof listening?.port === 'number' && typeof listening.address === 'string';
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export async function startPortkey(): Promise<PortkeyGateway> {
  // Its working directory is where it would keep a file cache; a throwaway one keeps the repository clean.
  const workDir = mkdtempSync(join(tmpdir(), 'tatakidai-portkey-'));
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
  };

  const child = spawn(process.execPath, ['-r', LOOPBACK_PRELOAD, ENTRY, '--headless', '--port=0'], {
    cwd: workDir,
    // Nothing from the developer's or CI's environment (proxies, cloud credentials, Redis) reaches it.
    env: { PATH: process.env.PATH ?? '', HOME: workDir, TRUSTED_CUSTOM_HOSTS: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const cleanUp = async () => {
    await stopProcess(child);
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    const port = await new Promise<number>((resolvePort, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Portkey did not listen within ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      child.on('message', (message) => {
        if (!isListeningMessage(message)) return;
        clearTimeout(timer);
        const { address, port: bound } = message.loopbackListening;
        if (address === '127.0.0.1') resolvePort(bound);
        else reject(new Error(`Portkey listened on ${address}, not on loopback only`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Portkey exited before listening (${signal ?? `exit code ${code}`})`));
      });
    });

    // Listening is not yet answering: one real request through its router proves it is up.
    const root = `http://127.0.0.1:${port}`;
    const hello = await fetch(`${root}/`, { signal: AbortSignal.timeout(START_TIMEOUT_MS) });
    if (!hello.ok) throw new Error(`Portkey answered ${hello.status} at ${root}/`);
    await hello.text();

    return { url: `${root}/v1`, output: () => printed, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw new Error(`${(error as Error).message}\n--- Portkey printed ---\n${printed}`, { cause: error });
  }
}
