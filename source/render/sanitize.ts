// ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings (ESC ] ... BEL or ST),
// and two-byte escapes; plus their 8-bit C1 forms. Strings first, so a title or clipboard payload goes whole.
// eslint-disable-next-line no-control-regex
const escapeSequences = /\u001B[\]PX^_][\s\S]*?(?:\u0007|\u001B\\|$)|[\u0090\u0098\u009D\u009E\u009F][\s\S]*?(?:\u0007|\u009C|\u001B\\|$)|\u001B\[[0-?]*[ -/]*[@-~]?|\u009B[0-?]*[ -/]*[@-~]?|\u001B[ -/]*[0-~]?/g;
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const plain = /^[\u0020-\u007E]*$/;

/**
 * Makes text from the Engine safe to print as one line: no byte of it may move the cursor, set the
 * title, switch screens or reach the clipboard. Tabs and newlines become spaces; other controls go.
 */
export function sanitizeLine(text: string): string {
	if (plain.test(text)) {
		return text;
	}

	return text.replace(escapeSequences, '').replaceAll(/[\t\n]/g, ' ').replace(controls, '');
}
