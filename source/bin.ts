#!/usr/bin/env node
// The bin: it clears CI, asks a plainly local Engine for its list, then loads the rest. chalk
// draws no colour, bold or inverse at all when CI is set (supports-color reads it once, at import);
// a person at a TTY wants the UI (Ink is told so with its `interactive` option). Static imports run
// before any code of the module that makes them, so the ones below must stay free of chalk (they are
// node:http and a config file read; the end-to-end tests check styles with CI set), and everything
// else is loaded after.
import module from 'node:module';
import {commandLine} from './startup/command-line.js';
import {prefetchPlainSocket} from './docker/early-prefetch.js';

// V8's compiled code for the chunks loaded below is kept between runs (Node >= 22.1), in Node's own
// folder under the system's temporary directory (NODE_COMPILE_CACHE names another; never the
// install folder, which may be read-only). Measured warm against disabled, 5 runs each, alternated
// on a busy 2-core machine: from the first frame to Ink's chunk loaded 230 ms instead of 470 (median),
// Ink's first frame 1.6 s instead of 1.8. Only the modules loaded after this call benefit.
module.enableCompileCache?.();

delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
// supports-color also reads --no-color from process.argv, and chalk then drops inverse and bold with
// the colours: no selected row, no active tab (issue 12). The theme ("none") is what turns colour off;
// cli.tsx reads the flag from commandLine.
process.argv = process.argv.filter((argument, index) => index < 2 || argument !== '--no-color');
// The Engine answers while the rest loads (about 100 ms); cli.tsx takes the answers if it resolves
// that same socket.
prefetchPlainSocket(commandLine, process.env);
await import('./startup/cli.js');
