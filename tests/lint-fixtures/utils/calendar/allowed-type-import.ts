// Allowed: a type-only import vanishes from the build, so the adapter may name a store type.
import type { Person } from '@/utils/store';

export function nameOf(person: Person): string {
  return person.name;
}
