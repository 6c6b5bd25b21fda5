import { checkString } from '../../base/check-argument.js';
import { UnknownFormParameterError } from '../../errors.js';
import type { CxPageInfoFormInfoParameterInfo, CxPageInfoFormInfoParameterInfoParameterState, CxWebhookRequest, JsonValue } from '../../generated/types.js';
import type { Params } from '../../turn/params.js';

/** A form parameter of the current page, as the request reports it. */
export interface FormParameter {
  readonly name: string;
  readonly required: boolean;
  readonly state: CxPageInfoFormInfoParameterInfoParameterState;
  readonly value: JsonValue | undefined;
  /** True when the user supplied it in this very turn. */
  readonly justCollected: boolean;
}

/**
 * The current page's form. A webhook may mark a parameter INVALID (Dialogflow then re-prompts
 * for it) or change its value; it cannot add or remove parameters.
 */
export class CxForm {
  private table: Map<string, FormParameter> | undefined;
  private readonly changed = new Map<string, CxPageInfoFormInfoParameterInfo>();

  constructor(
    private readonly request: CxWebhookRequest,
    private readonly params: Params,
    private readonly writable: (method: string) => boolean,
  ) {}

  /** The request's form parameters by name, read at the first use: most turns never look. */
  private get byName(): Map<string, FormParameter> {
    if (this.table !== undefined) return this.table;
    this.table = new Map();
    for (const info of this.request.pageInfo?.formInfo?.parameterInfo ?? []) {
      const name = info.displayName ?? '';
      this.table.set(name, {
        name,
        required: info.required ?? false,
        state: info.state ?? 'PARAMETER_STATE_UNSPECIFIED',
        value: info.value,
        justCollected: info.justCollected ?? false,
      });
    }
    return this.table;
  }

  /** Every parameter of the form, in the order of the request. */
  get parameters(): readonly FormParameter[] {
    return [...this.byName.values()];
  }

  get(name: string): FormParameter | undefined {
    return this.byName.get(name);
  }

  /** Whether the current page's form has this parameter. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Marks a parameter INVALID so Dialogflow asks for it again (event `sys.invalid-parameter`).
   * By default its value is also cleared from the session; say why with `turn.say()`.
   */
  invalidate(name: string, options: { clear?: boolean } = {}): void {
    const parameter = this.require(name, 'invalidate');
    if (!this.writable('form.invalidate')) return;
    const clear = options.clear ?? true;
    this.changed.set(name, info(parameter, 'INVALID', clear ? undefined : this.params.get(name)));
    if (clear) this.params.delete(name);
  }

  /** Replaces a parameter's value (e.g. normalised input). */
  setValue(name: string, value: JsonValue): void {
    const parameter = this.require(name, 'setValue');
    if (!this.writable('form.setValue')) return;
    this.changed.set(name, info(parameter, 'FILLED', value));
    this.params.set(name, value);
  }

  /** Empties a parameter so that the form asks for it again. */
  clear(name: string): void {
    const parameter = this.require(name, 'clear');
    if (!this.writable('form.clear')) return;
    this.changed.set(name, info(parameter, 'EMPTY', undefined));
    this.params.delete(name);
  }

  /** The parameterInfo entries for the response (only the parameters this turn touched). */
  changes(): CxPageInfoFormInfoParameterInfo[] {
    return [...this.changed.values()];
  }

  private require(name: string, method: string): FormParameter {
    checkString(name, `turn.form.${method}() takes the parameter name`);
    const parameter = this.byName.get(name);
    if (parameter === undefined) throw new UnknownFormParameterError(name, [...this.byName.keys()]);
    return parameter;
  }
}

function info(parameter: FormParameter, state: CxPageInfoFormInfoParameterInfoParameterState, value: JsonValue | undefined): CxPageInfoFormInfoParameterInfo {
  return {
    displayName: parameter.name,
    required: parameter.required,
    state,
    ...(value === undefined ? {} : { value }),
  };
}
