import type { Logger } from './logger.js';

/**
 * A child logger made on first use. Every turn gets one bound to its request, but most turns
 * never log through it, and making a child (serialising its bindings; with pino, much more)
 * costs more than routing the turn.
 */
export class LazyChild implements Logger {
  private made: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Record<string, unknown>,
  ) {}

  debug(fields: Record<string, unknown>, message: string): void {
    if (this.isLevelEnabled('debug')) this.logger.debug(fields, message);
  }
  info(fields: Record<string, unknown>, message: string): void {
    if (this.isLevelEnabled('info')) this.logger.info(fields, message);
  }
  warn(fields: Record<string, unknown>, message: string): void {
    if (this.isLevelEnabled('warn')) this.logger.warn(fields, message);
  }
  error(fields: Record<string, unknown>, message: string): void {
    if (this.isLevelEnabled('error')) this.logger.error(fields, message);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new LazyChild(this, bindings);
  }
  /** A line the parent would not write does not make the child (authentication logs at debug on every call). */
  isLevelEnabled(level: 'debug' | 'info' | 'warn' | 'error'): boolean {
    return this.parent.isLevelEnabled?.(level) ?? true;
  }

  private get logger(): Logger {
    this.made ??= this.parent.child(this.bindings);
    return this.made;
  }
}
