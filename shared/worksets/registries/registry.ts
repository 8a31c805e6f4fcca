/**
 * A closed list of named values (reference genomes, pipelines, priorities)
 * looked up case-insensitively by name or alias. Entries marked
 * `served: false` are kept so a request naming them gets a refusal that says
 * why, instead of "unknown".
 */
export interface RegistryEntry {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Absent means served. */
  readonly served?: boolean;
  /** Shown to the user when the entry is refused because it is not served. */
  readonly notServedReason?: string;
}

export type Served<E extends RegistryEntry> = Exclude<E, { readonly served: false }>;

export type LookupResult<E> =
  | { readonly ok: true; readonly entry: E }
  | {
      readonly ok: false;
      readonly problem: 'unknown' | 'not-served';
      /** A predicate naming the value, e.g. `"hg19" is not served: …; accepted: hg38, …`. */
      readonly message: string;
      readonly accepted: readonly string[];
    };

export interface Registry<E extends RegistryEntry> {
  readonly entries: readonly E[];
  /** Every served name and alias, each entry's name before its aliases, in registry order. */
  readonly accepted: readonly string[];
  readonly lookup: (value: string) => LookupResult<Served<E>>;
}

export function isServed<E extends RegistryEntry>(entry: E): entry is Served<E> {
  return entry.served !== false;
}

export function createRegistry<E extends RegistryEntry>(entries: readonly E[]): Registry<E> {
  const byKey = new Map<string, E>();
  for (const entry of entries) {
    for (const key of [entry.name, ...(entry.aliases ?? [])]) {
      const folded = key.toLowerCase();
      if (byKey.has(folded)) throw new Error(`Registry key ${key} is declared twice`);
      byKey.set(folded, entry);
    }
  }
  const accepted = entries.filter(isServed).flatMap((e) => [e.name, ...(e.aliases ?? [])]);
  const acceptedText = accepted.join(', ');

  return {
    entries,
    accepted,
    lookup: (value) => {
      const entry = byKey.get(value.toLowerCase());
      if (entry && isServed(entry)) return { ok: true, entry };
      const shown = quote(value);
      if (!entry) {
        return { ok: false, problem: 'unknown', message: `${shown} is unknown; accepted: ${acceptedText}`, accepted };
      }
      const reason = entry.notServedReason ? `: ${entry.notServedReason}` : '';
      return {
        ok: false,
        problem: 'not-served',
        message: `${shown} is not served${reason}; accepted: ${acceptedText}`,
        accepted,
      };
    },
  };
}

/** The value as the user sent it, bounded so a huge value cannot flood a message. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 61)}...` : value);
}
