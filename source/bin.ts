#!/usr/bin/env node
// The bin: it clears CI, asks a plainly local Engine for its list, then loads the rest. Ink goes
// silent when CI is set (it reads is-in-ci once, at import) and chalk draws no colour, bold or
// inverse at all (supports-color, read once too); a person at a TTY wants the UI. Static imports run
// before any code of the module that makes them, so the one below must stay free of both (it is
// node:http and a config file read; the end-to-end tests check styles with CI set), and everything
// else is loaded after.
import {commandLine} from './command-line.js';
import {prefetchPlainSocket} from './docker/early-prefetch.js';

delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
// supports-color also reads --no-color from process.argv, and chalk then drops inverse and bold with
// the colours: no selected row, no active tab (issue 12). The theme ("none") is what turns colour off;
// cli.tsx reads the flag from commandLine.
process.argv = process.argv.filter((argument, index) => index < 2 || argument !== '--no-color');
// The Engine answers while the rest loads (about 100 ms); cli.tsx takes the answers if it resolves
// that same socket.
prefetchPlainSocket(commandLine, process.env);
await import('./cli.js');
