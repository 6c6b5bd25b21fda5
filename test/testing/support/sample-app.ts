// A small app module for the testing tools: each route exercises one thing a fixture can check.
import type { Fulfiller } from '../../../src/index.js';

export default function setup(app: Fulfiller): void {
  let polls = 0;
  let tickets = 0;
  app.tag('greet', (turn) => void turn.say(`Hello, ${turn.params.string('name') ?? 'there'}!`));
  app.tag('remember', (turn) => {
    turn.params.set('color', turn.params.string('color') ?? 'blue');
    turn.params.delete('draft');
    turn.say('Noted.');
  });
  app.tag('count', (turn) => {
    const count = (turn.params.number('count') ?? 0) + 1;
    turn.params.set('count', count);
    turn.say(`Count ${count}.`);
  });
  app.tag('go', (turn) => {
    if (turn.platform === 'cx') turn.transition({ page: 'confirm' });
    turn.say('Going.');
  });
  app.tag('validate', (turn) => {
    if (turn.platform === 'cx') turn.form.invalidate('customer_id');
    turn.say('Try again.');
  });
  app.tag('ticket', (turn) => void turn.say(`Your ticket is T-${String(++tickets).padStart(3, '0')}.`));
  // Ready on the third call of this app: a slow job polled until it is done.
  app.tag('poll', (turn) => void turn.say(++polls >= 3 ? 'Done.' : 'Still working.'));
  app.intent('count', (turn) => {
    const count = (turn.params.number('count') ?? 0) + 1;
    turn.params.set('count', count);
    turn.say(`Count ${count}.`);
  });
  app.intent('contexts', (turn) => {
    if (turn.platform !== 'es') return;
    const seen = turn.contexts.all().map((c) => `${c.id}=${c.lifespanCount}`);
    turn.contexts.set('awaiting', { lifespan: 2, parameters: { step: 1 } });
    turn.contexts.delete('old');
    turn.say(`Seen: ${seen.join(',') || 'none'}.`);
  });
  app.intent('forget', (turn) => {
    turn.params.delete('color');
    turn.say('Forgotten.');
  });
  app.intent('contact', (turn) => void turn.say(`Calling ${turn.params.string('name') ?? 'nobody'} at +81 90-1234-5678.`));
}
