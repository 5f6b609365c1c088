#!/usr/bin/env node
// The bin: it only clears CI, then loads the rest. Ink goes silent when CI is set (it reads is-in-ci
// once, at import) and chalk draws no colour, bold or inverse at all (supports-color, read once too);
// a person at a TTY wants the UI. Static imports run before any code of the module that makes them,
// so this must come first and load everything else after.
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
// When the Engine is plainly the local socket, it is asked for the list now and answers while the
// rest loads (about 100 ms); cli.tsx takes the answers if it resolves that same socket.
const {prefetchPlainSocket} = await import('./docker/early-prefetch.js');
prefetchPlainSocket(process.argv.slice(2), process.env);
await import('./cli.js');
