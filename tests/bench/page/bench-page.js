// In-page probes of the benchmark, injected into the calendar page's MAIN world with
// page.addInitScript (plain JavaScript on purpose: tsx rewrites TypeScript functions with a
// `__name` helper that does not exist in the page, so functions cannot be passed from .ts files).
// Everything here does what Google Calendar's own code would do to its DOM: attach and remove the
// event-details popover, and replace chips while the week animates. Of the extension's UI it sees
// what Calendar's page sees: our host element and whether its frame is shown (the `cbc-shown`
// class); never the panel's content, which lives in the extension's frame. The same script is
// injected into that frame too (init scripts run in every frame): there `waitForPanel` watches the
// panel's own document, as a paint probe.
(() => {
  const options = window.__cbcBenchOptions || {};

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Wall-clock ms with sub-ms precision, comparable between the page and the panel's frame. */
  const epochNow = () => performance.timeOrigin + performance.now();

  // When #xDetDlg was last attached. The observer is created at document start, before any
  // content script's observer, so it is notified first about the same mutation.
  let detailsAttachedAt = null;
  if (options.watchDetails) {
    new MutationObserver((records) => {
      const now = epochNow();
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
   * The event-details popover as docs/calendar-page.md describes it: the dialog shell on <body>, two
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

  /** Calendar's reuse: another chip clicked while the popover is open swaps #xDetDlg in place. */
  function reusePopover(spec) {
    const details = document.querySelector('[data-chips-dialog="true"] #xDetDlg');
    if (!details) return openPopover(spec);
    details.replaceWith(buildPopover(spec).querySelector('#xDetDlg'));
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

  const frames = (count) =>
    new Promise((resolve) => {
      let left = count;
      const tick = () => (left-- <= 0 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });

  /**
   * One workload of the heavy week, run in frame callbacks as Calendar would:
   * - 'one-on-ones': a 1:1's popover opened (the panel shows), looked at for `holdFrames`, closed;
   * - 'group': a group meeting's popover (no panel), kept two frames, closed;
   * - 'reuse': a popover opened, then reused for the next event three times in place, closed;
   * - 'storm': every chip replaced twice per frame for `stormFrames`.
   * Each cycle takes the next spec of `popovers` in turn.
   */
  async function heavyWeekPhase({ phase, cycles, popovers, holdFrames, stormFrames, settleMs }) {
    if (phase === 'storm') {
      await mutationStorm(stormFrames);
    } else {
      for (let cycle = 0; cycle < cycles; cycle++) {
        const spec = popovers[cycle % popovers.length];
        await frames(1);
        openPopover(spec);
        if (phase === 'reuse') {
          for (let step = 1; step <= 3; step++) {
            await frames(holdFrames);
            reusePopover(popovers[(cycle + step) % popovers.length]);
          }
        }
        await frames(phase === 'group' ? 2 : holdFrames);
        closePopover();
      }
    }
    await nextFrame();
    await sleep(settleMs);
  }

  /** What the page can know of the panel: our host, and whether its frame is shown. */
  function panelFrameState() {
    const host = document.querySelector('cbc-panel');
    if (!host) return { state: 'no-host' };
    const frame = host.shadowRoot && host.shadowRoot.querySelector('iframe');
    if (!frame) return { state: 'no-frame', host };
    return { state: frame.classList.contains('cbc-shown') ? 'shown' : 'waiting', host, frame };
  }

  /**
   * Opens the popover and resolves with when #xDetDlg was attached and one frame after the
   * content script showed the panel's frame (epoch ms). Whether the frame had painted the
   * person's data by then is the frame's own probe's business (waitForPanel).
   */
  function timePanelOpen(spec, timeoutMs) {
    return new Promise((resolve, reject) => {
      let done = false;
      const observers = [];
      const finish = (result, error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        for (const observer of observers) observer.disconnect();
        if (error) reject(error);
        else resolve(result);
      };
      const check = () => {
        const found = panelFrameState();
        if (found.host && found.host.shadowRoot && observers.length < 2) {
          const inner = new MutationObserver(check);
          inner.observe(found.host.shadowRoot, {
            subtree: true,
            attributes: true,
            childList: true,
          });
          observers.push(inner);
        }
        if (found.state === 'shown') {
          const attachedAt = detailsAttachedAt;
          requestAnimationFrame(() => finish({ attachedAt, revealedAt: epochNow() }));
        }
      };
      const timer = setTimeout(
        () =>
          finish(null, new Error(`the panel's frame was not shown (${panelFrameState().state})`)),
        timeoutMs,
      );
      const outer = new MutationObserver(check);
      outer.observe(document.body, { childList: true });
      observers.push(outer);
      detailsAttachedAt = null;
      openPopover(spec);
      check();
    });
  }

  function accessibleNameOf(node) {
    const label = node.getAttribute('aria-label');
    if (label) return label;
    const ids = (node.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent || '').join(' ');
  }

  /**
   * In the panel's frame: resolves with the epoch ms one frame after the panel's landmark names
   * `expect.name` and shows `expect.text` (the person's data from the store), i.e. painted.
   */
  function waitForPanel(expect, timeoutMs) {
    return new Promise((resolve, reject) => {
      let done = false;
      const shows = () => {
        const landmark = document.querySelector('[role="complementary"], aside');
        if (!landmark) return false;
        const text = landmark.textContent || '';
        return (
          (accessibleNameOf(landmark) + ' ' + text).includes(expect.name) &&
          text.includes(expect.text)
        );
      };
      const check = () => {
        if (done || !shows()) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(epochNow()));
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        observer.disconnect();
        const landmark = document.querySelector('[role="complementary"], aside');
        const shown = landmark
          ? ` showing "${(landmark.textContent || '').slice(0, 300)}"`
          : ' (no landmark)';
        reject(new Error(`panel did not show "${expect.name}" / "${expect.text}"${shown}`));
      }, timeoutMs);
      check();
    });
  }

  /** Closes the popover and waits (bounded) for the panel's frame to be hidden again. */
  async function closePopoverAndPanel(timeoutMs) {
    closePopover();
    const until = performance.now() + timeoutMs;
    while (panelFrameState().state === 'shown' && performance.now() < until) await nextFrame();
    await nextFrame();
  }

  window.__cbcBench = {
    openPopover,
    closePopover,
    mutationStorm,
    heavyWeekPhase,
    timePanelOpen,
    waitForPanel,
    closePopoverAndPanel,
    panelState: () => panelFrameState().state,
  };
})();
