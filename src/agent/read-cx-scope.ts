import type { JsonObject } from '../generated/types.js';
import type { AgentEventHandler, AgentFormParameter, AgentFulfillment, AgentPage, AgentRoute } from './agent-model.js';
import type { ExportDoc } from './export-doc.js';
import { lastSegment } from './resource-id.js';

/** Joins display path parts: `Default Start Flow › Enter Location › route 2`. */
export function displayPath(...parts: string[]): string {
  return parts.join(' › ');
}

/**
 * Reads the routes, event handlers, form and entry of a page, or of a flow (its start page), from
 * one export file: every fulfillment reduced to its webhook, tag and parameter presets.
 */
export class CxScopeReader {
  constructor(private readonly doc: ExportDoc) {}

  /** A page file, or a flow file read as the flow's start page (`id` `START_PAGE`). */
  page(object: JsonObject, id: string, displayName: string, base: string): AgentPage {
    const doc = this.doc;
    const form = doc.object(object, 'form', '');
    const knowledge = doc.object(object, 'knowledgeConnectorSettings', '');
    const routes = this.routes(doc.list(object, 'transitionRoutes', ''), base, 'transitionRoutes');
    const eventHandlers = this.handlers(doc.list(object, 'eventHandlers', ''), base, 'eventHandlers');
    const dataStore = knowledge && this.fulfillment(knowledge, 'triggerFulfillment', 'knowledgeConnectorSettings');
    return {
      id,
      displayName,
      entry: this.fulfillment(object, 'entryFulfillment', ''),
      form: form === undefined ? [] : doc.list(form, 'parameters', 'form').map((p, i) => this.parameter(p, base, `form.parameters[${i}]`)),
      routes,
      eventHandlers,
      dataStore,
      routeGroups: doc.strings(object, 'transitionRouteGroups', ''),
      location: { file: doc.file, path: base },
    };
  }

  /** Transition routes, numbered from 1 as the console shows them. */
  routes(list: readonly JsonObject[], base: string, at: string): AgentRoute[] {
    const doc = this.doc;
    return list.map((route, i) => ({
      index: i + 1,
      intent: doc.string(route, 'intent', `${at}[${i}]`),
      condition: doc.string(route, 'condition', `${at}[${i}]`),
      fulfillment: this.fulfillment(route, 'triggerFulfillment', `${at}[${i}]`),
      targetPage: doc.string(route, 'targetPage', `${at}[${i}]`),
      targetFlow: doc.string(route, 'targetFlow', `${at}[${i}]`),
      location: { file: doc.file, path: displayPath(base, `route ${i + 1}`) },
    }));
  }

  private handlers(list: readonly JsonObject[], base: string, at: string): AgentEventHandler[] {
    const doc = this.doc;
    return list.map((handler, i) => {
      const event = doc.name(handler, 'event', `${at}[${i}]`);
      return {
        event,
        fulfillment: this.fulfillment(handler, 'triggerFulfillment', `${at}[${i}]`),
        targetPage: doc.string(handler, 'targetPage', `${at}[${i}]`),
        targetFlow: doc.string(handler, 'targetFlow', `${at}[${i}]`),
        location: { file: doc.file, path: displayPath(base, `event ${event}`) },
      };
    });
  }

  private parameter(object: JsonObject, base: string, at: string): AgentFormParameter {
    const doc = this.doc;
    const displayName = doc.name(object, 'displayName', at);
    const path = displayPath(base, 'form', displayName);
    const fill = doc.object(object, 'fillBehavior', at) ?? {};
    return {
      displayName,
      entityType: doc.string(object, 'entityType', at),
      isList: doc.bool(object, 'isList', at),
      required: doc.bool(object, 'required', at),
      initialPrompt: this.fulfillment(fill, 'initialPromptFulfillment', `${at}.fillBehavior`),
      repromptHandlers: this.handlers(doc.list(fill, 'repromptEventHandlers', `${at}.fillBehavior`), path, `${at}.fillBehavior.repromptEventHandlers`),
      location: { file: doc.file, path },
    };
  }

  private fulfillment(object: JsonObject, key: string, at: string): AgentFulfillment | undefined {
    const doc = this.doc;
    const fulfillment = doc.object(object, key, at);
    if (fulfillment === undefined) return undefined;
    const where = at === '' ? key : `${at}.${key}`;
    const presets = doc.list(fulfillment, 'setParameterActions', where).flatMap((action, i) => {
      const name = sessionParameter(doc.string(action, 'parameter', `${where}.setParameterActions[${i}]`));
      return name === undefined ? [] : [name];
    });
    return { webhook: doc.string(fulfillment, 'webhook', where), tag: doc.string(fulfillment, 'tag', where), setsParameters: presets };
  }
}

/** The session parameter a preset writes: `name` or `$session.params.name`; `$flow.` and `$page.` ones are not session parameters. */
function sessionParameter(parameter: string | undefined): string | undefined {
  if (parameter === undefined || parameter === '') return undefined;
  if (parameter.startsWith('$session.params.')) return parameter.slice('$session.params.'.length);
  return parameter.startsWith('$') ? undefined : parameter;
}

/** The id of a file's object: the last segment of its `name`, else its display name. */
export function idOf(doc: ExportDoc, displayName: string): string {
  return lastSegment(doc.string(doc.root, 'name', '')) ?? displayName;
}
