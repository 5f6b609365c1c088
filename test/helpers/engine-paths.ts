import path from 'node:path';

/** Where test/engine/engine.sh keeps the private Engine; tests never use any other. */
export const engineDir = process.env['TSDTOP_ENGINE_DIR'] ?? '/tmp/tsdtop-engine';
export const engineSocket = path.join(engineDir, 'docker.sock');
export const engineHost = `unix://${engineSocket}`;
export const testImage = 'tsdtop-test/busybox:latest';
