// Violation: the domain vocabulary imports a package.
import { format } from 'date-fns';

export const day = format(0, 'yyyy-MM-dd');
