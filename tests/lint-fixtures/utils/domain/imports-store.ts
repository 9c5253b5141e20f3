// Violation: the domain vocabulary leans on the store.
import type { CbcDatabase } from '@/utils/store/db';

export type Database = CbcDatabase;
