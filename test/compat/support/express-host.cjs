/**
 * Serves an Express-style handler on POST / of an Express app, after express.json() as Firebase
 * and the old library's README have it, in a process of its own so that Node resolves the
 * handler's `require`s as it would in production:
 *
 *   node express-host.cjs MODULE EXPORT PORT [--no-parser]
 *
 * `--no-parser` leaves express.json() out, as an app that forgot it would.
 */
'use strict';
const path = require('node:path');
const express = require('express');

const [file, name, port, option] = process.argv.slice(2);
const handler = require(path.resolve(file))[name];
const app = express();
if (option === '--no-parser') app.post('/', handler);
else app.post('/', express.json(), handler);
app.listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
