/**
 * dialogflow-fulfiller/compat/dialogflow-fulfillment: the API of Google's archived
 * dialogflow-fulfillment 0.6 on this library, so that fulfillment written for it runs after one
 * changed line (CommonJS or ESM):
 *
 *   const { WebhookClient, Card, Suggestion } = require('dialogflow-fulfiller/compat/dialogflow-fulfillment');
 *
 * Calls are answered by this library's pipeline, with the old library's bugs fixed
 * (docs/migrating-from-dialogflow-fulfillment.md). `compat(app, handler)` mounts such a handler in
 * an app, next to native routes.
 */
export { WebhookClient, type WebhookClientOptions, type Responses, type IntentHandler, type RequestHandler } from './webhook-client.js';
export type { Contexts, LegacyContext } from './contexts.js';
export type { ContextEntry } from './request-fields.js';
export type { LegacyRequest, LegacyResponse } from './standalone.js';
export { compat, type LegacyHandler } from './mount.js';
export type { MountedRequest, MountedResponse } from './mounted-call.js';
export { RichResponse } from './rich-response.js';
export { Text, type TextOptions } from './text.js';
export { Card, type CardOptions } from './card.js';
export { Image } from './image.js';
export { Suggestion } from './suggestion.js';
export { Payload, type PayloadOptions } from './payload.js';
export { PLATFORMS, SUPPORTED_PLATFORMS, SUPPORTED_RICH_MESSAGE_PLATFORMS, type Platform } from './platforms.js';
