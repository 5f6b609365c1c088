import type {Sort} from '../core/sort.js';
import type {Column} from './columns.js';
import type {Hue} from './theme.js';

/** How a cell stands out, by meaning: the theme decides the colour. */
export type Tone = 'good' | 'warn' | 'bad' | 'dim';

/** One cell: its text, made safe to print, and how it stands out (a selected row drops both). */
export type CellText = {readonly text: string; readonly tone?: Tone; readonly hue?: Hue};

/**
 * Everything the one table pipeline needs to show, filter and sort one kind of object: a list pane is
 * this, the store's entry naming where its items and context come from (store/list-panes.ts), its
 * watcher and its handlers. `C` is what cells and sort values read besides the item (usage counts,
 * stats); keep it one memoised object so the rows are sorted again only when it changes.
 */
export type ListDescriptor<T, C = undefined> = {
	/** The pane's name on its tab in the header: "Images". */
	readonly title: string;
	/** What one row is called: "no images", "no image matches the filter". */
	readonly noun: string;
	/** Every column it can show, in screen order, each with its width rules and its priority. */
	readonly columns: readonly Column[];
	/** The order before the person picks a column with o; without it, naturalOrder. */
	readonly defaultSort?: Sort;
	/** An order that is no column (containers: running first); o cycles back to it after the last column. */
	readonly naturalOrder?: (a: T, b: T) => number;
	/** Rows hidden until `a` shows all (containers: the stopped ones), and what an empty list says then. */
	readonly showAll?: {readonly shown: (item: T) => boolean; readonly emptyText: string};
	/** The row's id: selection and marks follow it through refreshes and re-sorts. */
	key(item: T): string;
	/** The name a person reads in dialogs and messages; the filter's exact match and tie-breaks use it. */
	label(item: T): string;
	cells(item: T, context: C): Readonly<Record<string, CellText>>;
	sortValue(item: T, column: string, context: C): string | number;
	/** Whether sorting by `column` reads the context (CPU does, NAME does not); default yes. */
	sortReadsContext?(column: string): boolean;
	/** False when the cells of the columns fitted to content read the item alone: measured once per item. */
	readonly widthsReadContext?: boolean;
	/** Lower-cased text the filter searches. */
	search(item: T): string;
};
