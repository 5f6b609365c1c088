#!/usr/bin/env node
// The bin: it clears CI, asks a plainly local Engine for its list, then loads the rest. Ink goes
// silent when CI is set (it reads is-in-ci once, at import) and chalk draws no colour, bold or
// inverse at all (supports-color, read once too); a person at a TTY wants the UI. Static imports run
// before any code of the module that makes them, so the one below must stay free of both (it is
// node:http and a config file read; the end-to-end tests check styles with CI set), and everything
// else is loaded after.
import {prefetchPlainSocket} from './docker/early-prefetch.js';

delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
// The Engine answers while the rest loads (about 100 ms); cli.tsx takes the answers if it resolves
// that same socket.
prefetchPlainSocket(process.argv.slice(2), process.env);
await import('./cli.js');
