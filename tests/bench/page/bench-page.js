// In-page probes of the benchmark, injected into the calendar page's MAIN world with
// page.addInitScript (plain JavaScript on purpose: tsx rewrites TypeScript functions with a
// `__name` helper that does not exist in the page, so functions cannot be passed from .ts files).
// Everything here does what Google Calendar's own code would do to its DOM: attach and remove the
// event-details popover, and replace chips while the week animates. It never touches the
// extension's UI except to observe the panel's open shadow root.
(() => {
  const options = window.__cbcBenchOptions || {};

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // When #xDetDlg was last attached. The observer is created at document start, before any
  // content script's observer, so it is notified first about the same mutation.
  let detailsAttachedAt = null;
  if (options.watchDetails) {
    new MutationObserver((records) => {
      const now = performance.now();
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          if (node.id === 'xDetDlg' || node.querySelector('#xDetDlg')) {
            detailsAttachedAt = now;
            return;
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  }

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of children || []) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  /**
   * The event-details popover as calendar-dom.md describes it: the dialog shell on <body>, two
   * focus traps, a jsslot span wrapping #xDetDlg with title, when, guests and close button.
   * spec: { eid, eventId, calendarId, me, title, when, recurrence, guests: [{ email, name, organizer }] }
   */
  function buildPopover(spec) {
    const guestRows = spec.guests.map((guest) =>
      element(
        'div',
        {
          class: 'UfeRlc',
          'data-email': guest.email,
          'aria-label': guest.organizer ? `${guest.name}, Organizer` : guest.name,
        },
        [
          element('span', { class: 'jKwHfe', 'data-hovercard-id': guest.email }, [guest.name]),
          ...(guest.organizer ? [element('div', { class: 'Jmftzc' }, ['Organizer'])] : []),
        ],
      ),
    );
    const whenLines = [element('div', { class: 'AzuXid' }, [spec.when])];
    if (spec.recurrence) whenLines.push(element('div', { class: 'AzuXid' }, [spec.recurrence]));
    const details = element(
      'div',
      {
        id: 'xDetDlg',
        class: 'kma42e',
        'data-eventid': spec.eid,
        jslog: `16022; 1:["${spec.me}",1]; 2:["${spec.eventId}","${spec.calendarId}",null,1]`,
      },
      [
        element('div', { class: 'toUqff' }, [
          element('span', { id: 'rAECCd', role: 'heading', 'aria-level': '1', class: 'UfeRlc' }, [
            spec.title,
          ]),
        ]),
        element('div', { id: 'xDetDlgWhen', class: 'DN1TJ' }, whenLines),
        element('div', { id: 'xDetDlgAtt', class: 'NlL62b' }, [
          element('div', { class: 'XuJrye' }, [`${spec.guests.length} guests`]),
          element('div', { jsname: 'MsyPn', class: 'DzK7Fe' }, guestRows),
        ]),
        element('div', {
          id: 'xDetDlgCloseBu',
          role: 'button',
          tabindex: '0',
          'aria-label': 'Close',
        }),
      ],
    );
    return element(
      'div',
      {
        role: 'dialog',
        'data-chips-dialog': 'true',
        jsname: 'ssXDle',
        'aria-modal': 'true',
        'aria-labelledby': 'rAECCd',
        class: 'RDlrG Inn9w iWO5td',
        style: 'position:fixed;left:420px;top:120px;width:440px;background:#fff;',
      },
      [
        element('div', { tabindex: '0', class: 'JtukPc' }),
        element('div', { tabindex: '0', class: 'JtukPc' }),
        element('span', { jsslot: '' }, [details]),
      ],
    );
  }

  function closePopover() {
    for (const shell of document.querySelectorAll('[data-chips-dialog="true"]')) shell.remove();
  }

  function openPopover(spec) {
    closePopover();
    document.body.append(buildPopover(spec));
  }

  // What Calendar does while a week change animates: every chip's node is replaced by a new one
  // (new columns are built while the old ones slide out).
  function replaceAllChips(frame) {
    const chips = document.querySelectorAll('[role="main"] [data-eventchip]');
    for (const chip of chips) {
      const copy = chip.cloneNode(true);
      copy.style.left = `${frame % 2}px`;
      chip.replaceWith(copy);
    }
  }

  // The work runs inside the frame and timer callbacks themselves, not in promise continuations:
  // DevTools' ScriptDuration counts callbacks, so the page's own work is in the baseline.
  /** Replaces all chips twice per frame (in the frame callback and in a task after it). */
  function mutationStorm(frames) {
    return new Promise((resolve) => {
      let frame = 0;
      const step = () => {
        if (frame >= frames) return resolve();
        requestAnimationFrame(() => {
          replaceAllChips(frame);
          setTimeout(() => {
            replaceAllChips(frame + 1);
            frame++;
            step();
          }, 0);
        });
      };
      step();
    });
  }

  /** Opens the popover, keeps it two frames, closes it, one frame later the next cycle. */
  function popoverCycles(cycles, spec) {
    return new Promise((resolve) => {
      let cycle = 0;
      const open = () => {
        if (cycle >= cycles) return resolve();
        requestAnimationFrame(() => {
          openPopover(spec);
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              closePopover();
              cycle++;
              open();
            }),
          );
        });
      };
      open();
    });
  }

  /** The heavy week: the popover opened and closed, then the storm, then trailing work settles. */
  async function heavyWeek({ popoverCycles: cycles, stormFrames, popover, settleMs }) {
    await popoverCycles(cycles, popover);
    await mutationStorm(stormFrames);
    await nextFrame();
    await sleep(settleMs);
  }

  function accessibleName(node) {
    const label = node.getAttribute('aria-label');
    if (label) return label;
    const ids = (node.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const root = node.getRootNode();
    return ids.map((id) => root.getElementById?.(id)?.textContent || '').join(' ');
  }

  function panelLandmark() {
    const host = document.querySelector('cbc-panel');
    if (!host) return { state: 'no-host' };
    if (!host.shadowRoot) return { state: 'closed-shadow-root' };
    const landmark = host.shadowRoot.querySelector('[role="complementary"], aside');
    return landmark ? { state: 'landmark', host, landmark } : { state: 'host', host };
  }

  function panelShows(expect) {
    const found = panelLandmark();
    if (found.state !== 'landmark') return false;
    const { landmark } = found;
    const named = (accessibleName(landmark) + ' ' + landmark.textContent).includes(expect.name);
    return named && landmark.textContent.includes(expect.text);
  }

  /**
   * Opens the popover and resolves with the milliseconds from #xDetDlg attached to one frame
   * after the panel's landmark shows `expect.name` and `expect.text` (the person's data).
   */
  function timePanelOpen(spec, expect, timeoutMs) {
    return new Promise((resolve, reject) => {
      const observers = [];
      const observedRoots = new Set();
      let done = false;
      const finish = (result, error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        for (const observer of observers) observer.disconnect();
        if (error) reject(error);
        else resolve(result);
      };
      const check = () => {
        if (done) return;
        const found = panelLandmark();
        if (found.state !== 'no-host' && found.host.shadowRoot && !observedRoots.has(found.host)) {
          observedRoots.add(found.host);
          const inner = new MutationObserver(check);
          inner.observe(found.host.shadowRoot, {
            childList: true,
            subtree: true,
            characterData: true,
            attributes: true,
          });
          observers.push(inner);
        }
        if (panelShows(expect)) {
          const attachedAt = detailsAttachedAt;
          requestAnimationFrame(() => finish({ latency: performance.now() - attachedAt }));
        }
      };
      const timer = setTimeout(() => {
        const found = panelLandmark();
        const shown = found.landmark
          ? ` showing "${(accessibleName(found.landmark) + ' | ' + found.landmark.textContent).slice(0, 400)}"`
          : '';
        finish(
          null,
          new Error(
            `panel did not show "${expect.name}" / "${expect.text}" (${found.state}${shown})`,
          ),
        );
      }, timeoutMs);
      const outer = new MutationObserver(check);
      outer.observe(document.body, { childList: true, subtree: true });
      observers.push(outer);
      detailsAttachedAt = null;
      openPopover(spec);
      check();
    });
  }

  /** Closes the popover and waits (bounded) for the panel's landmark to go away. */
  async function closePopoverAndPanel(timeoutMs) {
    closePopover();
    const until = performance.now() + timeoutMs;
    while (panelLandmark().state === 'landmark' && performance.now() < until) await nextFrame();
    await nextFrame();
  }

  window.__cbcBench = {
    openPopover,
    closePopover,
    mutationStorm,
    heavyWeek,
    timePanelOpen,
    closePopoverAndPanel,
    panelState: () => panelLandmark().state,
  };
})();
