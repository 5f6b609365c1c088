import path from 'node:path';
import type {Readable} from 'node:stream';
import type Docker from 'dockerode';
import type {Engine} from './engine-types.js';
import {firstTarEntry} from './tar.js';

/** Collects a stream up to `limit` bytes, then stops reading. */
async function collect(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		chunks.push(chunk);
		size += chunk.length;
		if (size >= limit) {
			(stream as Readable).destroy();
			break;
		}
	}

	return Buffer.concat(chunks);
}

/** Reading a container's files through the archive endpoint: what a shell's start-up looks at. */
export function fileCalls(docker: Docker): Pick<Engine, 'statPath' | 'readFile'> {
	return {
		async statPath(id, file) {
			try {
				const response = await docker.getContainer(id).infoArchive({path: file}) as Readable & {headers: Record<string, string | undefined>};
				response.resume();
				const header = response.headers['x-docker-container-path-stat'];
				if (!header) {
					return undefined;
				}

				const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {mode?: number; linkTarget?: string};
				return {mode: stat.mode ?? 0, linkTarget: stat.linkTarget ?? ''};
			} catch (error) {
				if ((error as {statusCode?: number}).statusCode === 404) {
					return undefined;
				}

				throw error;
			}
		},

		async readFile(id, file, maxBytes) {
			let target = file;
			// A few hops of symlinks (/etc/passwd -> ../usr/lib/passwd on some distributions).
			for (let hop = 0; hop < 8; hop++) {
				let archive;
				try {
					// eslint-disable-next-line no-await-in-loop
					archive = await collect(await docker.getContainer(id).getArchive({path: target}), maxBytes + 4096);
				} catch (error) {
					if ((error as {statusCode?: number}).statusCode === 404) {
						return undefined;
					}

					throw error;
				}

				const entry = firstTarEntry(archive);
				if (entry?.type === 'symlink') {
					target = path.posix.resolve(path.posix.dirname(target), entry.linkTarget);
					continue;
				}

				return entry?.type === 'file' ? entry.data.subarray(0, maxBytes) : undefined;
			}

			return undefined;
		},
	};
}
