import { fork, type ChildProcess } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModuleError } from '../index.js';
import type { AppRoute } from './app-routes.js';
import type { FixtureSource, FromChild, HostAnswer, ToChild } from './host-protocol.js';
import type { PlayTarget } from './play-target.js';
import type { RunOutcome } from './run-outcome.js';
import type { AppStatus, ErrorView } from './view.js';

// The child entry sits next to this module: app-child.ts under tsx, app-child.js once built.
const CHILD = fileURLToPath(new URL(`./app-child${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
const STOP_GRACE_MS = 2000;
// What a process that fails to load prints is kept, up to this much, to show where it failed.
const KEEP_OUTPUT = 8192;

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/**
 * Runs an app module in a child process (app-child.ts) and passes turns and fixture runs to
 * it. `restart()` starts a fresh process, which loads the module afresh; turns sent meanwhile
 * wait for it. A module that fails to load, or a process that stops, is a status, never a
 * crash of the playground: the next turn says why, and the next start may mend it.
 */
export class AppHost implements PlayTarget {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private current: AppStatus;
  private readyWaiters: (() => void)[] = [];
  private readonly listeners = new Set<(status: AppStatus) => void>();
  routes: AppRoute[] = [];
  sessionContext: string | undefined;

  /** `file`: the app module's absolute path; `label`: how the page names it (the path as given). */
  constructor(
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly label: string = file,
  ) {
    this.current = { state: 'loading', target: label, kind: 'app', generation: 0, at: new Date().toISOString() };
  }

  get status(): AppStatus {
    return this.current;
  }

  /** Called with every change of status (loading, ready, failed). */
  onStatus(listener: (status: AppStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  settled(): Promise<void> {
    return this.current.state === 'loading' ? new Promise((resolve) => this.readyWaiters.push(resolve)) : Promise.resolve();
  }

  /** Starts the app, or starts it again: the old process is stopped and what it was doing is refused. */
  restart(): void {
    this.stop('The app was reloaded while it was answering: send the turn again.');
    const generation = this.current.generation + 1;
    this.setStatus({ state: 'loading', target: this.label, kind: 'app', generation, at: new Date().toISOString() });
    const child = fork(CHILD, [this.file], { execArgv: process.execArgv, env: this.env, stdio: ['ignore', 'inherit', 'pipe', 'ipc'], serialization: 'json' });
    this.child = child;
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      if (this.current.state !== 'ready' && output.length < KEEP_OUTPUT) output += chunk.toString();
    });
    child.on('message', (message: FromChild) => this.receive(child, message));
    child.once('close', (code, signal) => this.exited(child, code, signal, output));
  }

  /** Sends one webhook call to the app; waits while it is loading. */
  async send(body: string, headers: Record<string, string>): Promise<HostAnswer> {
    return this.ask((id) => ({ type: 'turn', id, body, headers }));
  }

  /** Replays fixtures on fresh copies of the app, in its process. */
  async run(sources: FixtureSource[], keepGoing: boolean): Promise<RunOutcome[]> {
    return this.ask((id) => ({ type: 'run', id, sources, keepGoing }));
  }

  /** Stops the app's process. */
  close(): void {
    this.stop('The playground is closing.');
  }

  private async ask<T>(message: (id: number) => ToChild): Promise<T> {
    if (this.child === undefined) this.restart(); // stopped since the last turn: start it again
    await this.settled();
    const child = this.child;
    if (this.current.state === 'failed' || child === undefined) throw new AppModuleError(failure(this.current.error));
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      child.send(message(id));
    });
  }

  private receive(child: ChildProcess, message: FromChild): void {
    if (child !== this.child) return;
    switch (message.type) {
      case 'ready':
        this.routes = message.routes;
        this.sessionContext = message.sessionContext;
        this.setStatus({ ...this.current, state: 'ready', at: new Date().toISOString() });
        break;
      case 'failed':
        this.setStatus({ ...this.current, state: 'failed', error: message.error, at: new Date().toISOString() });
        break;
      case 'answer':
        this.settle(message.id, message.answer);
        break;
      case 'outcomes':
        this.settle(message.id, message.outcomes);
        break;
    }
  }

  private settle(id: number, value: unknown): void {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    pending?.resolve(value as never);
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null, output: string): void {
    if (child !== this.child) return;
    this.child = undefined;
    const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
    this.refuseAll(`The app's process stopped (${how}) while it was answering. It starts again with the next turn.`);
    if (this.current.state === 'failed' && this.current.error !== undefined) {
      // It said why already; what Node.js printed on the way out says where (a syntax error's file and line).
      const printed = output
        .replace(/\n+Node\.js v[\d.]+\s*$/, '')
        .split('\n')
        .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
        .join('\n')
        .trim();
      if (printed === '') {
        this.wake();
        return;
      }
      this.setStatus({ ...this.current, error: { ...this.current.error, stack: printed } });
      return;
    }
    const error: ErrorView = {
      message: `The app's process stopped (${how}). Its output is in the terminal that runs fulfiller play; it starts again with the next turn.`,
    };
    this.setStatus({ ...this.current, state: 'failed', error, at: new Date().toISOString() });
  }

  private stop(reason: string): void {
    const child = this.child;
    this.child = undefined;
    this.refuseAll(reason);
    if (child === undefined || child.exitCode !== null) return;
    child.kill('SIGTERM');
    setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), STOP_GRACE_MS).unref();
  }

  private refuseAll(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new AppModuleError(reason));
    this.pending.clear();
  }

  private setStatus(status: AppStatus): void {
    this.current = status;
    if (status.state !== 'loading') this.wake();
    for (const listener of this.listeners) listener(status);
  }

  private wake(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const wake of waiters) wake();
  }
}

function failure(error: ErrorView | undefined): string {
  return error === undefined ? 'The app is not running.' : `The app could not be loaded: ${error.message}`;
}
