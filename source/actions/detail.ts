import type {Handlers} from './services.js';

/** The inspect, top and stats views' commands, and the search line typed in them. */
export const detailHandlers = {
	'detail.search': ({store}) => store.dispatch({type: 'detail/input'}),
	'detail.next': ({store}) => store.dispatch({type: 'detail/match', direction: 1}),
	'detail.previous': ({store}) => store.dispatch({type: 'detail/match', direction: -1}),
	'detail.close': ({store}, {detail}) => store.dispatch(detail?.search ? {type: 'detail/search/clear'} : {type: 'detail/close'}),
	'detailsearch.apply': ({store}) => store.dispatch({type: 'detail/input/close', keep: true}),
	'detailsearch.cancel': ({store}) => store.dispatch({type: 'detail/input/close', keep: false}),
} satisfies Handlers;
