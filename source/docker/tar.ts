/** The first real entry of a tar archive, as GET /containers/{id}/archive sends one path. */
export type TarEntry =
	| {readonly type: 'file'; readonly name: string; readonly data: Buffer}
	| {readonly type: 'symlink'; readonly name: string; readonly linkTarget: string}
	| {readonly type: 'other'; readonly name: string};

const block = 512;

function text(header: Buffer, start: number, length: number): string {
	const field = header.subarray(start, start + length);
	const end = field.indexOf(0);
	return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function octal(header: Buffer, start: number, length: number): number {
	const value = text(header, start, length).trim();
	return value ? Number.parseInt(value, 8) : 0;
}

/**
 * Reads the first file, symlink or directory entry, skipping the PAX and GNU long-name records that
 * may come before it. A file's data is cut to what `archive` holds, so a capped download still reads.
 * Undefined for an empty or unreadable archive.
 */
export function firstTarEntry(archive: Buffer): TarEntry | undefined {
	let offset = 0;
	let longName: string | undefined;
	let longLink: string | undefined;
	while (offset + block <= archive.length) {
		const header = archive.subarray(offset, offset + block);
		if (header.every(byte => byte === 0)) {
			return undefined;
		}

		const size = octal(header, 124, 12);
		const type = String.fromCodePoint(header[156]!);
		const dataStart = offset + block;
		const data = archive.subarray(dataStart, Math.min(archive.length, dataStart + size));
		offset = dataStart + (Math.ceil(size / block) * block);
		if (Number.isNaN(size)) {
			return undefined;
		}

		switch (type) {
			case 'L': {
				longName = data.toString('utf8').replace(/\0.*$/s, '');
				continue;
			}

			case 'K': {
				longLink = data.toString('utf8').replace(/\0.*$/s, '');
				continue;
			}

			case 'x': {
				const pax = parsePax(data);
				longName = pax['path'] ?? longName;
				longLink = pax['linkpath'] ?? longLink;
				continue;
			}

			case 'g': {
				continue;
			}

			default: {
				break;
			}
		}

		const prefix = text(header, 345, 155);
		const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
		if (type === '0' || type === '\0' || type === '7') {
			return {type: 'file', name, data};
		}

		if (type === '2') {
			return {type: 'symlink', name, linkTarget: longLink ?? text(header, 157, 100)};
		}

		return {type: 'other', name};
	}

	return undefined;
}

/** PAX extended header records: "<length> <key>=<value>\n". */
function parsePax(data: Buffer): Record<string, string> {
	const records: Record<string, string> = {};
	let offset = 0;
	while (offset < data.length) {
		const space = data.indexOf(0x20, offset);
		if (space === -1) {
			break;
		}

		const length = Number(data.subarray(offset, space).toString('ascii'));
		if (!Number.isInteger(length) || length <= 0) {
			break;
		}

		const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
		const equals = record.indexOf('=');
		if (equals > 0) {
			records[record.slice(0, equals)] = record.slice(equals + 1);
		}

		offset += length;
	}

	return records;
}
