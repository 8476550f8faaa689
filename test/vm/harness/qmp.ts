import * as net from 'net';

/**
 * Sends commands to a running QEMU over its QMP socket (JSON lines): the
 * capabilities handshake, then each command in turn. Resolves with their
 * `return` values; rejects on the first QMP error.
 */
export function qmpCommands(socketPath: string, commands: readonly { execute: string; arguments?: object }[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    const queue = [{ execute: 'qmp_capabilities' }, ...commands];
    const results: unknown[] = [];
    let buffer = '';
    let greeted = false;
    const fail = (error: Error) => { socket.destroy(); reject(error); };
    const sendNext = () => {
      const next = queue[0];
      if (next) socket.write(`${JSON.stringify(next)}\n`);
      else { socket.end(); resolve(results.slice(1)); }
    };
    socket.on('error', fail);
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffer.slice(0, newline)) as { QMP?: unknown; return?: unknown; error?: { desc: string }; event?: string };
        buffer = buffer.slice(newline + 1);
        if (message.QMP && !greeted) {
          greeted = true;
          sendNext();
        } else if (message.error) {
          fail(new Error(`QMP ${queue[0]?.execute}: ${message.error.desc}`));
        } else if ('return' in message) {
          results.push(message.return);
          queue.shift();
          sendNext();
        }
      }
    });
  });
}
