import { createRegistry, type RegistryEntry } from './registry.ts';

export interface Priority extends RegistryEntry {
  readonly description: string;
}

/** Daylily's workset priorities, highest first. The portal's forms also sent `high`, meaning urgent. */
export const priorities = [
  { name: 'urgent', aliases: ['high'], description: 'Run before normal and low worksets' },
  { name: 'normal', description: 'Default' },
  { name: 'low', description: 'Run when nothing else is waiting' },
] as const satisfies readonly Priority[];

export type PriorityName = (typeof priorities)[number]['name'];

export const DEFAULT_PRIORITY: PriorityName = 'normal';

export const priorityRegistry = createRegistry(priorities);
