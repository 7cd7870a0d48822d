// Stopping the server (SIGTERM from systemd, Ctrl+C, a test) must not wait on browsers.
// Fastify closes the connections that are idle when it starts closing, but a connection with
// a request in flight is kept, and once that response is sent it stays open as an idle
// keep-alive connection until its timeout (72 s): the process then took over a minute to
// exit. While closing, every response says `Connection: close`, so Node ends the connection
// as soon as the response is sent: requests in flight finish, and nothing else is waited for.
import fp from 'fastify-plugin';

export const gracefulClosePlugin = fp(
  async (app) => {
    let closing = false;
    // preClose runs before Fastify stops listening and closes the idle connections.
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close');
    });
  },
  { name: 'graceful-close' },
);
