// Stands in for node:worker_threads in the bundled copy of pino, which reads only `isMainThread`,
// to decide whether an asynchronous pino.destination() must be flushed at exit. The bundled pino
// never makes one (the default logger writes through its own LineBuffer), so the answer is never
// used, and node:worker_threads (about 4 ms to load) stays out of every start.
'use strict';
module.exports = { isMainThread: true };
