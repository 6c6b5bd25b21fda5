import { InvalidArgumentError, InvalidPathParameterError } from '../errors.js';

/**
 * An endpoint's path with its parameters: `/orders/{orderNumber}`. Parsed once at registration;
 * matching a request path costs one split and a comparison per segment. A parameter is a whole
 * segment; its value is percent-decoded and refused when it could reach another resource.
 */
export class PathTemplate {
  /** Each segment: a literal, or the name of a parameter. */
  private readonly segments: readonly ({ literal: string } | { param: string })[];
  /** The parameter names, in order. */
  readonly params: readonly string[];

  constructor(readonly template: string) {
    if (typeof template !== 'string' || !template.startsWith('/')) {
      throw new InvalidArgumentError(`An endpoint path starts with "/" (like "/orders/{orderNumber}"), not ${JSON.stringify(template)}.`);
    }
    const segments = template.split('/').slice(1);
    const params: string[] = [];
    this.segments = segments.map((segment) => {
      const param = /^\{([A-Za-z_]\w*)\}$/.exec(segment)?.[1];
      if (param !== undefined) {
        if (params.includes(param)) throw new InvalidArgumentError(`The endpoint path ${template} names the parameter {${param}} twice.`);
        params.push(param);
        return { param };
      }
      if (segment === '' && segments.length > 1)
        throw new InvalidArgumentError(`The endpoint path ${template} has an empty segment (a double or trailing "/").`);
      if (!/^[A-Za-z0-9._~!$&'()*+,;=:@-]*$/.test(segment) || segment === '.' || segment === '..') {
        throw new InvalidArgumentError(
          `The endpoint path ${template} has the segment "${segment}": use letters, digits and -._~ in fixed segments, and {name} for a whole-segment parameter.`,
        );
      }
      return { literal: segment };
    });
    this.params = params;
  }

  /** How many segments a path needs to match. */
  get length(): number {
    return this.segments.length;
  }

  /** The same shape with parameters blanked (`/orders/{}`): two templates with one shape cannot be told apart. */
  get shape(): string {
    return `/${this.segments.map((s) => ('literal' in s ? s.literal : '{}')).join('/')}`;
  }

  /** Fixed segments first, left to right: `/orders/recent` is tried before `/orders/{orderNumber}`. */
  get specificity(): string {
    return this.segments.map((s) => ('literal' in s ? '0' : '1')).join('');
  }

  /**
   * The parameters of a request path split at "/" (`parts[0]` is the empty string before the
   * first "/"), or undefined when it does not match. Throws ERR_INVALID_PATH_PARAMETER for a
   * value that matches but must not be used.
   */
  match(parts: readonly string[]): Record<string, string> | undefined {
    if (parts.length !== this.segments.length + 1) return undefined;
    let values: Record<string, string> | undefined;
    for (let i = 0; i < this.segments.length; i++) {
      const segment = this.segments[i]!;
      const part = parts[i + 1]!;
      if ('literal' in segment) {
        if (part !== segment.literal) return undefined;
      } else {
        if (part === '') return undefined;
        values ??= Object.create(null) as Record<string, string>;
        values[segment.param] = decodeParam(segment.param, part);
      }
    }
    return values ?? (Object.create(null) as Record<string, string>);
  }
}

function decodeParam(name: string, raw: string): string {
  let value = raw;
  if (raw.includes('%')) {
    try {
      value = decodeURIComponent(raw);
    } catch {
      throw new InvalidPathParameterError(name, 'is not valid percent-encoding');
    }
  }
  if (value === '.' || value === '..') throw new InvalidPathParameterError(name, `is the dot segment "${value}"`);
  if (value.includes('/') || value.includes('\\')) throw new InvalidPathParameterError(name, 'contains a slash (percent-encoded or not)');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new InvalidPathParameterError(name, 'contains a control character');
  return value;
}
