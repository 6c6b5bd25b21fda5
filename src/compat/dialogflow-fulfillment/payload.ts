/**
 * dialogflow-fulfillment's `Payload`: custom JSON for one platform. It goes in the response's
 * `payload` when the request comes from that platform, and also as a message with
 * `sendAsMessage`; it is nested under the platform's key (`{ facebook: {…} }`) unless `rawPayload`.
 */
import type { JsonObject } from '../../index.js';
import { argumentError, describe, RichResponse } from './rich-response.js';
import { checkPlatform, payloadKey, PLATFORMS, type Platform } from './platforms.js';

export interface PayloadOptions {
  /** Also send it as a message (fulfillmentMessages), not only as the response's payload. */
  sendAsMessage?: boolean;
  /** Send it as given, not nested under the platform's key. */
  rawPayload?: boolean;
}

export class Payload extends RichResponse {
  payload: JsonObject;
  readonly sendAsMessage: boolean;
  readonly rawPayload: boolean;

  constructor(platform: Platform, payload: JsonObject, options: PayloadOptions = {}) {
    super();
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
      throw argumentError(`new Payload(platform, payload) takes an object as the payload, not ${describe(payload)}`);
    if (!platform) throw argumentError('new Payload(platform, payload) needs a platform (agent.FACEBOOK, agent.UNSPECIFIED, …)');
    this.platform = checkPlatform(platform, 'new Payload()');
    this.payload = JSON.parse(JSON.stringify(payload)) as JsonObject; // a copy, as the old library made
    this.sendAsMessage = options.sendAsMessage === true;
    this.rawPayload = options.rawPayload === true;
  }

  setPayload(payload: JsonObject): this {
    this.payload = payload;
    return this;
  }

  /** What is sent: the payload itself, or nested under the platform's key. */
  contentFor(platform: Platform | undefined): JsonObject {
    if (this.rawPayload || platform === undefined || platform === PLATFORMS.UNSPECIFIED) return this.payload;
    return { [payloadKey(platform)]: this.payload };
  }
}
