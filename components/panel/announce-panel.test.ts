import { describe, expect, it } from 'vitest';
import { announcePanel } from './announce-panel';
import { actionItem, panelData, panelView } from './panel-test-data';

describe('announcePanel', () => {
  it('names the person, the notes, the open items and the shortcut', () => {
    const view = panelView({
      data: panelData({ openItems: [actionItem(), actionItem({ id: 'b' })] }),
    });
    const text = announcePanel(view);
    expect(text).toMatch(/^1:1 with .+: notes from the last meeting, 2 open action items\./);
    expect(text).toContain('Alt+Shift+N');
  });

  it('says when there are no earlier notes, and counts one item in the singular', () => {
    const view = panelView({ data: panelData({ lastMeeting: null, openItems: [actionItem()] }) });
    expect(announcePanel(view)).toContain('no earlier notes, 1 open action item.');
  });
});
