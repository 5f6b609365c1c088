import type {Duplex} from 'node:stream';
import Docker from 'dockerode';
import type {Engine} from './engine-types.js';

/** A command started in a container through the Engine API (POST /containers/{id}/exec, then start). */
export function execCall(docker: Docker): Pick<Engine, 'exec'> {
	return {
		async exec(id, options) {
			const size = options.columns && options.rows ? {ConsoleSize: [options.rows, options.columns] as [number, number]} : {};
			const exec = await docker.getContainer(id).exec({
				Cmd: [...options.cmd],
				AttachStdin: options.tty,
				AttachStdout: true,
				AttachStderr: true,
				Tty: options.tty,
				...(options.env ? {Env: [...options.env]} : {}),
				// Engines before API 1.42 ignore it; the caller resizes once the command runs.
				...size,
			});
			// hijack: the connection becomes a raw socket, so stdin can flow while output arrives.
			const stream = await exec.start({hijack: true, stdin: options.tty, Detach: false, Tty: options.tty, ...size} as Docker.ExecStartOptions) as unknown as Duplex;
			return {
				stream,
				async resize(columns, rows) {
					await exec.resize({h: rows, w: columns});
				},
				async exitCode() {
					const info = await exec.inspect();
					return info.Running || info.ExitCode === null ? undefined : info.ExitCode;
				},
			};
		},
	};
}
