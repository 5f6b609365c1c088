import type {ConfirmRequest, ResourceAction, Target} from '../core/confirm.js';
import type {ConfirmText} from './confirm-types.js';
import {formatBytes} from './format.js';
import {sanitizeLine} from './sanitize.js';

function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const line = (t: Target) => `${sanitizeLine(t.name)}${t.detail ? `  (${t.detail})` : ''}`;
/**
 * "1.2G in all" for images (issue 12 item 7), from each one's own size: layers shared with images
 * that stay are not freed, so the space freed can be less (the status line says what was, after).
 */
function totalOf(targets: readonly Target[]): {total?: string} {
	return targets.length > 1 && targets.every(t => t.bytes !== undefined) ? {total: `${formatBytes(targets.reduce((sum, t) => sum + t.bytes!, 0))} in all (shared layers free less)`} : {};
}

const isRunning = (t: Target) => t.state === 'running' || t.state === 'paused' || t.state === 'restarting';

/** The words of a confirmation for images, networks and volumes: every target named, with its size. */
export function describeResourceConfirm(unsafe: ConfirmRequest & {readonly action: ResourceAction}): ConfirmText {
	// Names come from the Engine (a network's name is almost free text): sanitised once, here.
	const request = {
		...unsafe,
		targets: unsafe.targets.map(t => ({...t, name: sanitizeLine(t.name)})),
		...(unsafe.typeToConfirm === undefined ? {} : {typeToConfirm: sanitizeLine(unsafe.typeToConfirm)}),
	};
	const {targets} = request;
	const lines = targets.map(t => line(t));
	const where = request.filter ? ` matching "${sanitizeLine(request.filter)}"` : '';
	if (request.marked) {
		const noun = request.action.startsWith('image') ? 'image' : (request.action.startsWith('network') ? 'network' : 'volume');
		const volumes = noun === 'volume';
		return {
			title: `Remove the ${count(targets.length, `marked ${noun}`)}?${volumes ? ' THEIR DATA IS DELETED FOR GOOD.' : ''}`,
			lines,
			choices: [{key: 'y', label: volumes ? `type "${request.typeToConfirm ?? ''}" and press Enter to remove` : `remove ${targets.length}`, targets, force: noun === 'image'}],
			...(noun === 'image' ? totalOf(targets) : {}),
		};
	}

	switch (request.action) {
		case 'image-remove': {
			const [target] = targets;
			const users = request.users ?? [];
			const untag = Boolean(target?.reference);
			if (users.length === 0 || untag) {
				return {title: untag ? `Remove the tag ${target!.name}? The image keeps its other tags.` : `Remove image ${target!.name}?`, lines, choices: [{key: 'y', label: untag ? 'untag' : 'remove', targets, force: false}]};
			}

			const running = users.filter(u => isRunning(u));
			const usedBy = `Used by ${users.map(u => `${sanitizeLine(u.name)} (${u.state})`).join(', ')}.`;
			return running.length > 0
				? {title: `Image ${target!.name} is used by running containers: stop them first.`, lines: [...lines, usedBy], choices: []}
				: {title: `Remove image ${target!.name}? ${usedBy}`, lines, choices: [{key: 'f', label: 'force: remove it anyway (those stopped containers cannot start again)', targets, force: true}], note: 'Only force removes an image that stopped containers use.'};
		}

		case 'image-prune':
		case 'image-prune-all': {
			const dangling = request.action === 'image-prune';
			return {
				title: `Clean up: remove ${count(targets.length, dangling ? 'dangling image' : 'unused image')}${where}?`,
				lines,
				choices: [{key: 'y', label: `remove ${targets.length}`, targets, force: !dangling}],
				...(dangling ? {note: 'Press u to list every unused image (tagged ones too) instead.'} : {}),
				...totalOf(targets),
			};
		}

		case 'network-remove': {
			return {title: `Remove network ${targets[0]?.name ?? ''}?`, lines, choices: [{key: 'y', label: 'remove', targets, force: false}]};
		}

		case 'network-prune': {
			return {title: `Clean up: remove ${count(targets.length, 'unused network')}${where}?`, lines, choices: [{key: 'y', label: `remove ${targets.length}`, targets, force: false}]};
		}

		case 'volume-remove':
		case 'volume-prune': {
			const word = request.typeToConfirm ?? '';
			return {
				title: request.action === 'volume-remove'
					? `Remove volume ${targets[0]?.name ?? ''}? ITS DATA IS DELETED FOR GOOD.`
					: `Clean up: remove ${count(targets.length, 'unused volume')}${where}? THEIR DATA IS DELETED FOR GOOD.`,
				lines,
				choices: [{key: 'y', label: `type "${word}" and press Enter to remove`, targets, force: false}],
			};
		}
	}
}
