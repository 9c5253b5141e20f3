// Violation: a component reads Google's markup through the adapter's selectors.
import { DIALOG } from '@/utils/calendar/selectors';

export const dialog = DIALOG;
