/** Turns any error from the Engine or the socket into one line a person can act on. */
export function describeError(error: unknown, host: string): string {
	const error_ = error as {code?: string; statusCode?: number; message?: string; json?: {message?: string}; reason?: string};
	const code = error_?.code;
	// The label may carry a note after the URL, e.g. "unix:///run/x.sock (context prod)".
	const socket = host.replace(/ \(.*\)$/, '').replace(/^unix:\/\//, '');
	// Podman's socket, found by the fallback or named by hand: dockerd is not the thing to start.
	const podman = /(?:^|\/)podman\.sock$/.test(socket);
	const daemon = podman ? 'the Podman service running? systemctl [--user] start podman.socket' : 'dockerd running?';
	switch (code) {
		case 'ENOENT': {
			return `cannot reach the Docker Engine: ${socket} does not exist (is ${daemon}${podman ? '' : ' set DOCKER_HOST or --host'})`;
		}

		case 'EACCES':
		case 'EPERM': {
			return `permission denied on ${socket}: add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or run as root`;
		}

		case 'ECONNREFUSED': {
			return `cannot reach the Docker Engine at ${host}: connection refused (is ${daemon})`;
		}

		case 'ECONNRESET':
		case 'EPIPE': {
			return `lost the connection to the Docker Engine at ${host}`;
		}

		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT': {
			return `the Docker Engine at ${host} did not answer in time`;
		}

		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return `cannot resolve the host of ${host}`;
		}

		default: {
			break;
		}
	}

	const engineMessage = error_?.json?.message ?? extractJsonMessage(error_?.message);
	if (engineMessage) {
		return oneLine(engineMessage);
	}

	return oneLine(error_?.message ?? String(error));
}

/** True when the error means the object is gone (removed elsewhere). */
export function isNotFound(error: unknown): boolean {
	return (error as {statusCode?: number})?.statusCode === 404;
}

function extractJsonMessage(message: string | undefined): string | undefined {
	// docker-modem formats Engine errors as "(HTTP code 409) unexpected - {message} ".
	const match = message && /\(HTTP code \d+\)[^-]*- (.*)$/s.exec(message);
	return match ? match[1]!.trim() : undefined;
}

function oneLine(text: string): string {
	return text.replaceAll(/\s+/g, ' ').trim();
}
