/**
 * dialogflow-fulfiller/testing: test handlers without a live agent. Build requests, send them
 * in-process, carry a conversation's state between turns, and read fixtures, as `fulfiller replay` does.
 *
 *   import { testClient, cxRequest } from 'dialogflow-fulfiller/testing';
 *   const reply = await testClient(app).send(cxRequest('order.status').params({ customer_id: '12345' }));
 *   expect(reply.text).toContain('A-1003');
 *
 * A separate entry point for what it offers, not for what loads: the package is one bundle
 * (scripts/bundle.mjs, docs/architecture.md), so importing it costs no extra module, and the
 * webhook path never runs any of it.
 */
export { testClient, loadTestClient, expectReply, TestClient, Conversation } from './test-client.js';
export { cxRequest, CxRequestBuilder, CX_TEST_AGENT } from './cx-request-builder.js';
export { esRequest, EsRequestBuilder, ES_TEST_AGENT } from './es-request-builder.js';
export { toReply, DEFAULT_SESSION_CONTEXT, type Reply, type ContextOut } from './reply.js';
export { SessionSimulator, contextId, type SessionState, type ActiveContext } from './session-simulator.js';

export type { Fixture, FixtureTurn, FixtureKind, Expectation, ContextExpectation, FormState } from './fixture.js';
export { fixtureDocument, writeFixture, toRequest, type RequestInput, type TurnInput } from './fixture-document.js';
export { parseFixture, parseAnyFixture } from './parse-fixture.js';
export type { EndpointFixture, EndpointFixtureCall, EndpointRequest, EndpointExpectation } from './endpoint-fixture.js';
export { toEndpointReply, type EndpointReply } from './endpoint-reply.js';
export { loadFixtures, loadFixture, expectFileOf, type LoadedFixture } from './load-fixtures.js';
export { runFixture, type FixtureOutcome, type TurnOutcome, type RunFixtureOptions } from './run-fixture.js';
export { checkExpectation, type Mismatch } from './check-expectation.js';
export { describeOutcome, describeMismatch } from './describe-outcome.js';
export { diffJson, type Difference } from './json-diff.js';
export { saveUpdates, type SaveResult } from './save-updates.js';
export { appTarget, urlTarget, type ReplayTarget, type UrlTargetOptions, type TestableApp } from './replay-target.js';
export { authHeaders, replayAuthFromEnv, type ReplayAuth } from './replay-auth.js';
export { junitReport, type ReportEntry } from './junit-report.js';

export { fakeClock, FakeClock } from './fake-clock.js';
export { loadApp, setupApp, type AppModule } from '../app/load-app.js';
export { createRecorder, type Recorder, type RecordOptions } from '../recording/recorder.js';
export { normalizeRecording, RECORDED_SESSION, type NormalizedCall } from '../recording/normalize-recording.js';
export { redactJson, personalValues, type RedactOptions } from '../recording/redact.js';

export { readAgent, type ReadAgentOptions } from '../agent/read-agent.js';
export type { ExportLimits } from '../agent/export-limits.js';
export type {
  AgentModel,
  AgentFlow,
  AgentPage,
  AgentRoute,
  AgentRouteGroup,
  AgentEventHandler,
  AgentFormParameter,
  AgentFulfillment,
  AgentIntent,
  AgentIntentParameter,
  AgentEntityType,
  AgentWebhook,
  WebhookAuth,
  CallSite,
  CallSiteKind,
  PageRef,
  AgentLocation,
} from '../agent/agent-model.js';
export { lintAgent, type LintOptions, type LintReport } from '../lint/lint-agent.js';
export type { LintFinding, Severity } from '../lint/lint-finding.js';
export { LINT_RULES, type LintRule } from '../lint/lint-rules.js';
export { parseLintConfig, type LintConfig, type IgnoreEntry } from '../lint/lint-config.js';
export { agentTypes, type AgentTypesOptions } from '../types/agent-types.js';
export { agentCoverage, type CoverageReport, type SiteCoverage, type SentRequest } from '../agent/coverage.js';
export { formatCoverage, coverageJson } from '../agent/format-coverage.js';
export { checkAgainstAgent } from './agent-checks.js';
export { selectWebhooks, type WebhookSelection } from '../agent/select-webhooks.js';
export { checkFlexibleWebhook, type FlexibleWebhookInput, type EndpointShape, type FlexibleWebhookCheckOptions } from '../lint/flexible-webhook-checks.js';
export { checkToolDrift, type ToolInput } from '../lint/tool-drift.js';
export { fillBodyTemplate, type FilledTemplate } from '../lint/body-template.js';
export { exampleOf } from '../lint/schema-example.js';
export type { EndpointFinding } from '../lint/lint-finding.js';
