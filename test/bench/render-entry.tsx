import {EventEmitter} from 'node:events';
import {render} from 'ink';
import {App} from '../../source/panes/app.js';
import {createStore} from '../../source/store/create-store.js';
import {initialState} from '../../source/store/state.js';

const n = Number(process.argv[2] ?? 500);
class Out extends EventEmitter { columns = 120; rows = 40; isTTY = true; bytes = 0; write(s: string) { this.bytes += s.length; return true; } }
class In extends EventEmitter { isTTY = true; setRawMode() {} setEncoding() {} resume() {} pause() {} ref() {} unref() {} read() { return null; } }
const containers = Array.from({length: n}, (_, i) => ({id: `id${i}`, name: `bench-${String(i).padStart(4, '0')}`, image: 'tsdtop-test/busybox:latest', command: 'sh', state: 'running' as const, status: 'Up 5 minutes', created: 0, ports: [], labels: {}}));
const t0 = performance.now();
const store = createStore(initialState({host: 'x', columns: 120, rows: 40}));
store.dispatch({type: 'engine/connected', info: {host: 'x', version: '1'}});
store.dispatch({type: 'containers/loaded', containers});
const t1 = performance.now();
const out = new Out();
const engine = {host: 'x'} as any;
const inst = render(<App services={{store, engine, theme: {color: true}}}/>, {stdout: out as any, stdin: new In() as any, exitOnCtrlC: false, patchConsole: false});
const t2 = performance.now();
store.dispatch({type: 'scroll', target: 'list', by: 1});
await new Promise(r => setTimeout(r, 50));
const t3 = performance.now();
for (let i = 0; i < 20; i++) { store.dispatch({type: 'scroll', target: 'list', by: 1}); await new Promise(r => setTimeout(r, 40)); }
const t4 = performance.now();
console.log(JSON.stringify({n, store: (t1 - t0).toFixed(1), firstRender: (t2 - t1).toFixed(1), bytes: out.bytes, secondKey: (t3 - t2 - 50).toFixed(1), perKey: ((t4 - t3) / 20 - 40).toFixed(1)}));
inst.unmount();
process.stdout.write("\n");
process.exit(0);
