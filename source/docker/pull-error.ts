import type {ImageReference} from './image-reference.js';

/**
 * One line a person can act on for a failed pull, from the Engine's message (HTTP error or the
 * stream's error). The Engine's own words follow the summary, shortened: they name the exact cause.
 */
export function describePullError(message: string, reference: ImageReference, canonical = `${reference.name}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`): string {
	const said = message.replace(/^\(HTTP code \d+\)[^-]*- /, '').replaceAll(/\s+/g, ' ').trim();
	if (/manifest unknown|not found: manifest|manifest for .* not found|repository does not exist|name unknown/i.test(said)) {
		return `${canonical}: no such image or tag on ${reference.registry}`;
	}

	if (/unauthorized|authentication required|no basic auth credentials|denied|incorrect username or password|401/i.test(said)) {
		const login = reference.registry === 'docker.io' ? 'docker login' : `docker login ${reference.registry}`;
		return `${reference.registry} refused the login for ${canonical} (${login}, or check ~/.docker/config.json): ${said}`;
	}

	if (/connection refused|no such host|dial tcp|i\/o timeout|timeout|network is unreachable|server gave HTTP response|tls:|x509|EOF/i.test(said)) {
		return `cannot reach the registry ${reference.registry}: ${said}`;
	}

	return `pull of ${canonical} failed: ${said}`;
}
