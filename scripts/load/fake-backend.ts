/**
 * A stand-in backend on a loopback port, for the load and fault tests:
 *   /ok     answers after 50 ms (BACKEND_MS)     /hang   never answers
 *   /reset  drops the connection (ECONNRESET)    /500    answers 500
 * Prints `listening <port>` once it accepts connections.
 */
import { createServer } from 'node:http';

const delayMs = Number(process.env.BACKEND_MS ?? '50');

const server = createServer((req, res) => {
  switch (req.url) {
    case '/ok':
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"order":"A-1003","status":"preparing for shipment"}');
      }, delayMs);
      return;
    case '/hang':
      return; // never answers; the client must give up
    case '/reset':
      req.socket.destroy();
      return;
    case '/500':
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"internal"}');
      return;
    default:
      res.writeHead(404);
      res.end();
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address !== null ? address.port : 0}\n`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
