import {saveLogs} from './save-logs.js';
import {say, type Handlers} from './services.js';

/** The log pane's commands, and the search or filter line typed in it. */
export const logHandlers = {
	'focus.toggle': ({store}) => store.dispatch({type: 'focus/toggle'}),
	'logs.follow': ({store}) => store.dispatch({type: 'logs/follow'}),
	'logs.search': ({store}) => store.dispatch({type: 'logs/input', mode: 'search'}),
	'logs.filter': ({store}) => store.dispatch({type: 'logs/input', mode: 'filter'}),
	'logs.next': ({store}) => store.dispatch({type: 'logs/match', direction: 1}),
	'logs.previous': ({store}) => store.dispatch({type: 'logs/match', direction: -1}),
	'logs.timestamps': ({store}) => store.dispatch({type: 'logs/toggle', what: 'timestamps'}),
	'logs.wrap': ({store}) => store.dispatch({type: 'logs/toggle', what: 'wrap'}),
	'logs.clear': ({store}) => store.dispatch({type: 'logs/clear'}),
	'logs.close': ({store}, {logs}) => store.dispatch(logs?.search || logs?.filter ? {type: 'logs/reset'} : {type: 'logs/close'}),
	'logs.save'(services, {logs}) {
		if (!logs) {
			return;
		}

		saveLogs(logs, process.cwd()).then(({file, lines}) => {
			say(services, `saved ${lines} lines to ${file}`);
		}, (error: unknown) => {
			say(services, `could not save the log: ${(error as Error).message}`, 'error');
		});
	},
	'logsearch.apply': ({store}) => store.dispatch({type: 'logs/input/close', keep: true}),
	'logsearch.cancel': ({store}) => store.dispatch({type: 'logs/input/close', keep: false}),
} satisfies Handlers;
