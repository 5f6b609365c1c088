// Small statistics helpers; all ignore null/undefined samples (e.g. a key that got no answer).

export function median(values) {
	return quantile(values, 0.5);
}

export function p95(values) {
	return quantile(values, 0.95);
}

/** Linear-interpolated quantile (like numpy's default); undefined for no samples. */
export function quantile(values, q) {
	const sorted = values.filter(v => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) {
		return undefined;
	}

	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
}

export function mean(values) {
	const numbers = values.filter(v => typeof v === 'number' && Number.isFinite(v));
	return numbers.length === 0 ? undefined : numbers.reduce((a, b) => a + b, 0) / numbers.length;
}

export const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});
