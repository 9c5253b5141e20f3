// Violation: the calendar adapter renders UI.
import { h } from 'preact';

export const badge = h('span', null, '1');
