/**
 * Stands in for `firebase-functions` when the banking template's index.js runs in a test: its
 * `https.onRequest(handler)` hands the (request, response) handler to Firebase's Express app,
 * and here to the test's Express host (express-host.cjs), as it is.
 */
'use strict';

exports.https = { onRequest: (handler) => handler };
