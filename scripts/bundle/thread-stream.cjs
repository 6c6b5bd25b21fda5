// Stands in for thread-stream in the bundled copy of pino: it serves pino's worker-thread
// transports, which the default logger never uses (it writes to stdout itself). An app that
// wants a transport gives the library its own pino logger.
'use strict';
module.exports = function ThreadStream() {
  throw new Error('pino transports are not available in the logger bundled with dialogflow-fulfiller: pass your own pino logger as the `logger` option.');
};
