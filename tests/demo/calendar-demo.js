// The demo calendar's behaviour: a plain script imitating what Google Calendar does that the
// extension depends on (docs/calendar-page.md): the week grid with chips, the event popover
// appended at the end of <body> and reused when another chip is clicked, guest rows streaming
// in after the popover opens (and the controller removing foreign children from its rows),
// closing on the close button / Escape / pointerdown outside, the full event page reached
// through the history API, and the "c" shortcut opening quick create.
// All text is set as text (node.append of strings / textContent): hostile titles stay inert.
(function demoCalendar() {
  'use strict';

  const data = JSON.parse(document.getElementById('demo-events').textContent);
  const user = data.user;
  /** Milliseconds before the popover's guest section streams in, as on Google's page. */
  const GUEST_ROWS_DELAY = 150;

  /** Nodes this page made: anything else inside the popover's rows is foreign and removed. */
  const ownNodes = new WeakSet();

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === '') continue;
      node.append(child);
    }
    ownNodes.add(node);
    return node;
  }

  function eventByEid(eid) {
    return data.events.find((event) => event.eid === eid) || null;
  }

  function jslogOf(event) {
    const ids = JSON.stringify([event.eventId || event.eid, event.calendarId || user.calendarId]);
    return `38297; 2:${ids.slice(0, -1)},null,0]; 1:${JSON.stringify([user.email, 1])}; track:JIbuQc`;
  }

  function initials(name) {
    const letters = name
      .split(/\s+/)
      .map((part) => part.charAt(0))
      .join('');
    return letters.slice(0, 2).toUpperCase() || '?';
  }

  // Layout ---------------------------------------------------------------------------------

  const googleBar = el(
    'header',
    { class: 'gb', role: 'banner' },
    el('span', { class: 'ZyPzWe' }, 'Calendar'),
    el('button', { type: 'button', class: 'Kx1ATc', jsname: 'TTqIvb' }, 'Today'),
    el('span', { class: 'k2YkJb', jsname: 'ZJfQjb' }, data.monthLabel),
    el(
      'a',
      {
        role: 'button',
        class: 'gb_B gb_Za',
        href: '#',
        'aria-label': `Google Account: ${user.name} (${user.email})`,
      },
      initials(user.name),
    ),
  );
  const sidebar = el(
    'div',
    { class: 'Jc3kAc', role: 'complementary', 'aria-label': 'Side panel section' },
    el('button', { type: 'button', class: 'VfPpkd-LgbsSe', 'aria-label': 'Create' }, '+ Create'),
    el('div', { class: 'RKLVef' }, 'My calendars'),
    el('div', { class: 'wgmXm' }, user.name),
  );
  const mainRegion = el('div', { role: 'main', class: 'tEhMVd-main', jsname: 'DRcSmf' });
  const appFrame = el('div', { class: 'tEhMVd' }, sidebar, mainRegion);

  // A dialog shell Calendar left behind, hidden: only a visible one counts.
  const staleShell = el(
    'div',
    {
      role: 'dialog',
      class: 'RDlrG Inn9w iWO5td',
      'data-chips-dialog': 'true',
      'aria-hidden': 'true',
      style: 'display: none',
    },
    el('span', { jsslot: true }),
  );

  // The signed-in user, hidden at the end of body (read by the adapter first).
  const userInfo = el(
    'div',
    { id: 'xUserInfo', style: 'display: none', 'aria-hidden': 'true' },
    el('div', { id: 'xUserName' }, user.name),
    el('div', { id: 'xUserEmail' }, user.email),
    el('div', { id: 'xTimezone' }, user.timezone),
    el('div', { id: 'xGmtOffset' }, user.gmtOffset),
    el('div', { id: 'xUserLocale' }, user.locale),
  );

  document.body.prepend(googleBar, appFrame);
  document.body.append(staleShell, userInfo);

  // Week view ------------------------------------------------------------------------------

  function chipFor(event) {
    const hiddenText = el('div', { class: 'XuJrye' }, event.screenReaderText);
    // Short chips put the time on the title's line, as Calendar does ("Title, 10am").
    const oneLine = event.kind !== 'all-day' && event.heightPx < 36;
    const visible = el(
      'div',
      { 'aria-hidden': 'true', class: 'KcY3wb' },
      el('div', { class: 'I0UMhf' }, oneLine ? `${event.title}, ${event.startLabel}` : event.title),
      event.timeLabel && !oneLine ? el('div', { class: 'lhydbb gVNoLb' }, event.timeLabel) : null,
    );
    if (event.kind === 'all-day') {
      // All-day chips: data-eventchip/data-eventid on the parent of the role=button element.
      return el(
        'div',
        {
          'data-eventchip': true,
          'data-eventid': event.eid,
          class: 'KF4T6b',
          jslog: jslogOf(event),
        },
        el(
          'div',
          {
            role: 'button',
            tabindex: '0',
            class: 'ynRLnc',
            'data-opens-details': 'true',
            style: `background: ${event.color}`,
          },
          hiddenText,
          visible,
        ),
      );
    }
    return el(
      'div',
      {
        role: 'button',
        tabindex: '0',
        class: 'GTG3wb ChfiMc rFUW1c LLspoc NlL62b',
        jslog: event.kind === 'task' ? '35463; track:click' : `35463; ${jslogOf(event)}`,
        'data-eventchip': true,
        'data-eventid': event.eid,
        'data-taskid': event.taskId || null,
        'data-opens-details': 'true',
        style: `top: ${event.topPx}px; height: ${event.heightPx}px; background: ${event.color}`,
      },
      hiddenText,
      visible,
      // The drag handle repeats the eid (closest('[data-eventid]') can hit it).
      el('div', {
        'aria-hidden': 'true',
        class: 'leOeGd',
        'data-eventid': event.eid,
        'data-dragsource-type': '3',
      }),
    );
  }

  function renderWeek() {
    document.body.setAttribute('data-viewfamily', 'EVENT');
    document.body.setAttribute('data-viewkey', 'WEEK');
    const headers = el(
      'div',
      { class: 'yzWBv', role: 'presentation' },
      ...data.days.map((day) =>
        el(
          'div',
          {
            role: 'columnheader',
            class: day.isToday ? 'is-today' : null,
            'aria-label': `${day.weekdayShort} ${day.dayOfMonth}`,
          },
          el('span', { class: 'sVASAd' }, day.weekdayShort),
          el('span', { class: 'x5FT4e' }, String(day.dayOfMonth)),
        ),
      ),
    );
    const allDayRow = el(
      'div',
      { class: 'DhjBfd', role: 'presentation' },
      ...data.days.map((day) =>
        el(
          'div',
          { role: 'presentation', 'data-datekey': day.datekey },
          ...data.events
            .filter((event) => event.kind === 'all-day' && event.dayIndex === day.columnIndex)
            .map(chipFor),
        ),
      ),
    );
    const hours = el(
      'div',
      { class: 'R6WCgc', 'aria-hidden': 'true' },
      ...Array.from({ length: 24 }, (_, hour) =>
        el(
          'div',
          {},
          hour === 0 ? '' : `${hour % 12 === 0 ? 12 : hour % 12} ${hour < 12 ? 'AM' : 'PM'}`,
        ),
      ),
    );
    const columns = data.days.map((day) => {
      const cell = el('div', {
        role: 'gridcell',
        tabindex: '-1',
        'data-column-index': day.columnIndex,
        'data-datekey': day.datekey,
        jsname: 'RjPD4e',
        class: 'YvjgZe Qbfsob',
      });
      const chips = el('div', { role: 'presentation', class: 'JtukPc' });
      for (const event of data.events) {
        if (event.kind !== 'all-day' && event.dayIndex === day.columnIndex) {
          chips.append(chipFor(event));
        }
      }
      cell.append(chips);
      if (day.isToday) {
        const now = new Date(data.now);
        const top = ((now.getHours() * 60 + now.getMinutes()) / 60) * 48;
        cell.append(el('div', { class: 'Tnsqdc', style: `top: ${top}px`, 'aria-hidden': 'true' }));
      }
      return cell;
    });
    const grid = el(
      'div',
      { role: 'grid', 'aria-label': 'Week view' },
      hours,
      el('div', { role: 'row', class: 'pbKHBb' }, ...columns),
    );
    const scroller = el('div', { class: 'kQ2Wfd' }, grid);
    mainRegion.replaceChildren(headers, allDayRow, scroller);
    scroller.scrollTop = 8 * 48;
  }

  // Event popover --------------------------------------------------------------------------

  /** The open dialog shell (details or quick create), or null. */
  let shell = null;
  let shellKind = null;
  let guestTimer = 0;
  let reuseCount = 0;
  let openedFrom = null;

  function focusTrap() {
    return el('div', { tabindex: '0', 'aria-hidden': 'true', class: 'Jf6hN' });
  }

  function makeShell(labelledBy) {
    const slot = el('span', { jsslot: true });
    const dialog = el(
      'div',
      {
        role: 'dialog',
        class: 'RDlrG Inn9w iWO5td',
        'data-chips-dialog': 'true',
        jsname: 'ssXDle',
        'aria-modal': 'true',
        'aria-labelledby': labelledBy,
        tabindex: '-1',
      },
      focusTrap(),
      slot,
      focusTrap(),
    );
    // Focus that reaches a trap wraps back into the dialog.
    for (const trap of dialog.querySelectorAll('.Jf6hN')) {
      trap.addEventListener('focus', () => {
        const first = slot.querySelector('button, input, [tabindex="0"]');
        if (first) first.focus();
      });
    }
    return { dialog, slot };
  }

  function placeShell(dialog, anchor) {
    const rect = anchor ? anchor.getBoundingClientRect() : null;
    const width = 448;
    let left = rect ? rect.right + 12 : (window.innerWidth - width) / 2;
    if (rect && left + width > window.innerWidth - 8) left = Math.max(8, rect.left - width - 12);
    const top = rect ? Math.min(Math.max(8, rect.top - 40), window.innerHeight - 420) : 96;
    dialog.style.left = `${Math.round(left)}px`;
    dialog.style.top = `${Math.round(Math.max(8, top))}px`;
  }

  function detailsRow(id, iconLabel, ...content) {
    return el(
      'div',
      { id, class: 'nBzcnc' },
      el('div', { class: 'JtukPc', 'aria-hidden': 'true', title: iconLabel }),
      el('div', { class: 'AzuXid' }, ...content),
    );
  }

  function buildDetails(event) {
    const details = el('div', {
      id: 'xDetDlg',
      class: 'pPTZAe',
      'data-eventid': event.eid,
      jslog: jslogOf(event),
    });
    fillDetails(details, event);
    return details;
  }

  function fillDetails(details, event) {
    details.setAttribute('data-eventid', event.eid);
    details.setAttribute('jslog', jslogOf(event));
    const toolbar = el(
      'div',
      { class: 'wv9rPe' },
      event.kind === 'task'
        ? null
        : el(
            'button',
            { type: 'button', class: 'VbA1ue', 'aria-label': 'Open event page', jsname: 'lhydbb' },
            'Open event page',
          ),
      el(
        'button',
        { type: 'button', id: 'xDetDlgCloseBu', 'aria-label': 'Close', jsname: 'xl07Ob' },
        '✕',
      ),
    );
    const title = el(
      'div',
      { class: 'nBzcnc' },
      el('div', { class: 'JtukPc', style: `background: ${event.color}`, 'aria-hidden': 'true' }),
      el(
        'div',
        {},
        el(
          'span',
          { id: 'rAECCd', role: 'heading', 'aria-level': '1', class: 'UfeRlc' },
          event.title,
        ),
        el(
          'div',
          { id: 'xDetDlgWhen', class: 'AzuXid O2VjS' },
          el('div', {}, event.dateLine),
          event.recurrenceLine ? el('div', {}, event.recurrenceLine) : null,
        ),
      ),
    );
    const rows = [toolbar, title];
    if (event.location) rows.push(detailsRow('xDetDlgLoc', 'Location', event.location));
    if (event.description) rows.push(detailsRow('xDetDlgDesc', 'Description', event.description));
    if (event.kind !== 'task') rows.push(detailsRow('xDetDlgCal', 'Calendar', user.name));
    details.replaceChildren(...rows);

    // Lazy sections: Meet and guests stream in after the popover opens.
    window.clearTimeout(guestTimer);
    guestTimer = window.setTimeout(() => {
      if (!details.isConnected || details.getAttribute('data-eventid') !== event.eid) return;
      if (event.hasMeet) {
        title.after(
          detailsRow(
            'xDetDlgVideo',
            'Video call',
            el('span', { class: 'UfeRlc' }, 'Join with Google Meet'),
          ),
        );
      }
      if (event.guestCountText) {
        const where = details.querySelector('#xDetDlgLoc, #xDetDlgDesc, #xDetDlgCal');
        const guests = guestSection(event);
        if (where) where.before(guests);
        else details.append(guests);
      }
      removeForeignChildren(details);
    }, GUEST_ROWS_DELAY);
  }

  function guestSection(event) {
    const accepted = event.guests.filter((g) => g.response === 'accepted').length;
    const awaiting = event.guests.filter((g) => g.response === 'needsAction').length;
    const summary =
      event.guests.length > 0 ? `${accepted} yes, ${awaiting} awaiting` : 'Guest list collapsed';
    return el(
      'div',
      { id: 'xDetDlgAtt', class: 'DN1TJ' },
      el(
        'div',
        { class: 'vdWYqe-count' },
        el('span', { class: 'UfeRlc' }, event.guestCountText),
        el('div', { class: 'vdWYqe' }, summary),
      ),
      el(
        'div',
        {
          jsname: 'MsyPn',
          class: 'Rzij1d',
          'aria-label': 'Guests invited to this event.',
          'aria-hidden': event.guests.length === 0 ? 'true' : null,
        },
        ...event.guests.map((g) =>
          el(
            'div',
            {
              class: 'nBzcnc Wm6kRe-row',
              'data-email': g.email,
              'data-id': g.email,
              'aria-label': g.organizer ? `${g.name}, Organizer` : g.name,
              role: 'treeitem',
              tabindex: '-1',
            },
            el('span', { class: 'Wm6kRe', 'aria-hidden': 'true' }, initials(g.name)),
            el(
              'div',
              {},
              el('span', { class: 'UfeRlc', 'data-hovercard-id': g.email }, g.name),
              g.organizer ? el('div', { class: 'vdWYqe' }, 'Organizer') : null,
            ),
          ),
        ),
      ),
    );
  }

  /** Google's controller re-renders its rows and drops what it did not make. */
  function removeForeignChildren(details) {
    for (const row of [details, ...details.children]) {
      for (const child of Array.from(row.children)) {
        if (!ownNodes.has(child)) child.remove();
      }
    }
  }

  function openDetails(event, anchor) {
    if (shell && shellKind === 'details') {
      // Reuse: same shell, the eid, title and guests change in place. Every other time the
      // details root is swapped for a new one within one task, as Calendar sometimes does.
      reuseCount += 1;
      const details = shell.dialog.querySelector('#xDetDlg');
      if (details && reuseCount % 2 === 0) {
        details.replaceWith(buildDetails(event));
      } else if (details) {
        fillDetails(details, event);
      }
      placeShell(shell.dialog, anchor);
      openedFrom = anchor;
      return;
    }
    closeShell(false);
    shell = makeShell('rAECCd');
    shellKind = 'details';
    shell.slot.append(buildDetails(event));
    document.body.insertBefore(shell.dialog, userInfo);
    placeShell(shell.dialog, anchor);
    openedFrom = anchor;
    shell.dialog.focus();
  }

  function openQuickCreate() {
    closeShell(false);
    shell = makeShell('rAECCd');
    shellKind = 'quick-create';
    const tabs = el(
      'div',
      { role: 'tablist', class: 'Cqwl8d' },
      el(
        'button',
        { type: 'button', role: 'tab', id: 'tabEvent', 'aria-selected': 'true' },
        'Event',
      ),
      el(
        'button',
        { type: 'button', role: 'tab', id: 'tabTask', 'aria-selected': 'false' },
        'Task',
      ),
    );
    const titleInput = el('input', { type: 'text', class: 'Ifs1Ye', 'aria-label': 'Add title' });
    shell.slot.append(
      el(
        'div',
        { class: 'wv9rPe' },
        el('button', { type: 'button', 'aria-label': 'Close', class: 'qc-close' }, '✕'),
      ),
      titleInput,
      tabs,
      el('div', { class: 'wv9rPe' }, el('button', { type: 'button', class: 'qc-save' }, 'Save')),
    );
    document.body.insertBefore(shell.dialog, userInfo);
    placeShell(shell.dialog, null);
    titleInput.focus();
  }

  function closeShell(restoreFocus) {
    window.clearTimeout(guestTimer);
    if (!shell) return;
    shell.dialog.remove();
    shell = null;
    shellKind = null;
    reuseCount = 0;
    if (restoreFocus && openedFrom && openedFrom.isConnected) openedFrom.focus();
    openedFrom = null;
  }

  // Full event page ------------------------------------------------------------------------

  function eventPageUrl(eid) {
    return `/calendar/u/0/r/eventedit/${encodeURIComponent(eid)}${window.location.search}`;
  }

  function weekUrl() {
    return `/calendar/u/0/r/week${window.location.search}`;
  }

  function openEventPage(eid) {
    closeShell(false);
    window.history.pushState({ demoFromWeek: true }, '', eventPageUrl(eid));
    render();
  }

  function renderEventPage(eid) {
    document.body.setAttribute('data-viewfamily', 'EVENT_EDIT');
    document.body.removeAttribute('data-viewkey');
    const event = eventByEid(eid);
    const back = el('button', { type: 'button', 'aria-label': 'Back', class: 'demo-back' }, '←');
    back.addEventListener('click', () => {
      if (window.history.state && window.history.state.demoFromWeek) {
        window.history.back();
      } else {
        window.history.pushState({}, '', weekUrl());
        render();
      }
    });
    if (!event) {
      mainRegion.replaceChildren(
        el('div', { class: 'Ztkzte' }, back, el('p', {}, 'Could not find the requested event.')),
      );
      return;
    }
    const people = event.guests.filter((g) => g.kind !== 'room');
    const rooms = event.guests.filter((g) => g.kind === 'room');
    const guestRow = (g) =>
      el(
        'div',
        { 'data-id': g.email, 'data-email': g.email, role: 'listitem', class: 'ZbCvUb' },
        el('span', { class: 'Wm6kRe', 'aria-hidden': 'true' }, initials(g.name)),
        el('span', { 'data-hovercard-id': g.email, class: 'UfeRlc' }, g.name),
        g.organizer ? el('span', { class: 'vdWYqe' }, 'Organizer') : null,
      );
    const title = el('input', {
      id: 'xTiIn',
      type: 'text',
      'aria-label': 'Title',
      class: 'whsOnd',
    });
    title.value = event.title;
    const description = el('textarea', { id: 'xDescIn', 'aria-label': 'Description' });
    description.value = event.description;
    const page = el(
      'div',
      { class: 'Ztkzte', 'data-is-create': 'false', 'data-eid': event.eid, jsname: 'N0eAve' },
      el(
        'div',
        { class: 'AeBiU' },
        back,
        title,
        el('button', { type: 'button', id: 'xSaveBu' }, 'Save'),
      ),
      el('div', { class: 'AzuXid', id: 'xDetWhenPage' }, event.dateLine),
      event.recurrenceLine ? el('div', { class: 'AzuXid' }, event.recurrenceLine) : null,
      el(
        'h2',
        {},
        people.length > 0 ? `Guests (${people.length})` : event.guestCountText || 'Guests',
      ),
      el('div', { role: 'list', class: 'Rzij1d', 'aria-label': 'Guests' }, ...people.map(guestRow)),
      rooms.length > 0 ? el('h2', {}, 'Rooms') : null,
      rooms.length > 0
        ? el('div', { role: 'list', class: 'Rzij1d-rooms' }, ...rooms.map(guestRow))
        : null,
      el('h2', {}, 'Description'),
      description,
    );
    mainRegion.replaceChildren(page);
    title.focus();
  }

  function render() {
    const match = /\/r\/eventedit\/([^/?#]+)/.exec(window.location.pathname);
    if (match) renderEventPage(decodeURIComponent(match[1]));
    else renderWeek();
  }

  // Input ----------------------------------------------------------------------------------

  function chipOf(target) {
    return target instanceof Element ? target.closest('[data-eventchip]') : null;
  }

  function eventOfChip(chip) {
    return eventByEid(chip.getAttribute('data-eventid'));
  }

  mainRegion.addEventListener('click', (e) => {
    const chip = chipOf(e.target);
    if (!chip) return;
    const event = eventOfChip(chip);
    if (event) openDetails(event, chip);
  });

  mainRegion.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const chip = chipOf(e.target);
    if (!chip) return;
    e.preventDefault();
    const event = eventOfChip(chip);
    if (event) openDetails(event, chip);
  });

  document.addEventListener('click', (e) => {
    if (!shell || !(e.target instanceof Element)) return;
    if (!shell.dialog.contains(e.target)) return;
    if (e.target.closest('#xDetDlgCloseBu, .qc-close, .qc-save')) {
      closeShell(true);
      return;
    }
    const openPage = e.target.closest('[aria-label="Open event page"]');
    const details = shell.dialog.querySelector('#xDetDlg');
    if (openPage && details) openEventPage(details.getAttribute('data-eventid'));
  });

  // Calendar listens on the document, in the bubbling phase: a pointerdown anywhere outside
  // the dialog closes it (chips excepted: they reuse it). Events from an extension's shadow
  // root arrive here retargeted to its host, i.e. "outside", unless the extension stops them.
  document.addEventListener('pointerdown', (e) => {
    if (!shell) return;
    const target = e.target instanceof Node ? e.target : null;
    if (target && shell.dialog.contains(target)) return;
    if (shellKind === 'details' && chipOf(target)) return;
    closeShell(false);
  });

  function isTyping(target) {
    if (!(target instanceof Element)) return false;
    return Boolean(
      target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'),
    );
  }

  // Single-key shortcuts on the document. The target of a key event from inside a shadow root
  // is its host here (not an input), so an extension must keep its keystrokes to itself.
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      if (shell) closeShell(true);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (e.key === 'c') {
      e.preventDefault();
      openQuickCreate();
    }
  });

  // Calendar swallows wheel events over its grid.
  mainRegion.addEventListener('wheel', (e) => e.stopPropagation());

  window.addEventListener('popstate', () => {
    closeShell(false);
    render();
  });

  render();
})();
