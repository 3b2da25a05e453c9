// Preloaded (`node -r`) into a server that listens on every interface and has no option to choose one, such as
// the Portkey gateway: every TCP `listen` goes to 127.0.0.1 instead, so test traffic never leaves the machine.
// The bound port is reported over the IPC channel when there is one, so the parent can ask for port 0.
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  const callback = typeof args.at(-1) === 'function' ? [args.at(-1)] : [];
  let options;
  if (first === undefined || first === null || typeof first === 'function') {
    options = { port: 0, host: LOOPBACK };
  } else if (isPort(first)) {
    // listen(port[, host][, backlog][, callback]): the host, whatever it was, becomes loopback.
    options = { port: Number(first), host: LOOPBACK };
  } else if (
    typeof first === 'object' &&
    first.path === undefined &&
    first.fd === undefined &&
    !first._handle
  ) {
    options = { ...first, host: LOOPBACK };
  } else {
    // A Unix socket or an inherited handle is not reachable from the network anyway.
    return listen.apply(this, args);
  }
  this.once('listening', () => {
    const address = this.address();
    if (process.send && address && typeof address === 'object') {
      process.send({ loopbackListening: { address: address.address, port: address.port } });
    }
  });
  return listen.call(this, options, ...callback);
};
