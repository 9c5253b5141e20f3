// The panel's place at the window's right edge, seen from inside the frame: a collapse button
// and a resize handle around the expanded view, or the tab it collapses to. Where the frame sits
// on Calendar's page is the content script's business (panel-placement.ts); this only draws the
// two states and says what the user asked for.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { Theme } from '@/utils/calendar/types';
import { PANEL_WIDTH } from '@/utils/messaging/panel-channel';

const MIN_DOCK_WIDTH = PANEL_WIDTH.min;
/** One arrow key press on the resize handle. */
const KEY_STEP = 16;

export interface DockProps {
  collapsed: boolean;
  width: number;
  maxWidth: number;
  theme: Theme;
  /** The tab's accessible name ("Open 1:1 notes with Alex Rivera"). */
  tabLabel: string;
  onExpand(): void;
  onCollapse(): void;
  /** While dragging or on each arrow key; `done` when the drag ended (remember it then). */
  onResize(width: number, done: boolean): void;
  /**
   * A drag of the edge starts or ends. Meanwhile the frame spans the window (the part left of
   * the panel transparent): a pointer that leaves the frame's box is not heard by its document.
   */
  onDragging(dragging: boolean): void;
  dragging: boolean;
  children: ComponentChildren;
}

export function Dock(props: DockProps) {
  const { collapsed, theme } = props;
  if (collapsed) {
    return (
      <div class={`cbc-dock-tab cbc-${theme}`}>
        <button
          type="button"
          class="cbc-dock-open"
          aria-expanded="false"
          aria-label={props.tabLabel}
          title={props.tabLabel}
          onClick={props.onExpand}
        >
          <span aria-hidden="true" class="cbc-dock-chevron">
            ‹
          </span>
          <span aria-hidden="true" class="cbc-dock-tab-text">
            1:1
          </span>
        </button>
      </div>
    );
  }
  return (
    <div class={`cbc-dock cbc-${theme}`} style={{ width: `${props.width}px` }}>
      {props.dragging && <div class="cbc-dock-drag-cover" aria-hidden="true" />}
      <ResizeHandle {...props} />
      <button
        type="button"
        class="cbc-dock-collapse"
        aria-expanded="true"
        aria-label={t('panelDockCollapse')}
        title={t('panelDockCollapse')}
        onClick={props.onCollapse}
      >
        <span aria-hidden="true">›</span>
      </button>
      <div class="cbc-dock-body">{props.children}</div>
    </div>
  );
}

function ResizeHandle(props: DockProps) {
  const { width, maxWidth, onResize } = props;
  /** Ends the drag under way (the handle going away ends it too). */
  const drag = useRef<(() => void) | null>(null);
  useEffect(() => () => drag.current?.(), []);
  const clamp = (value: number) => Math.min(maxWidth, Math.max(MIN_DOCK_WIDTH, Math.round(value)));
  return (
    <div
      class="cbc-dock-resize"
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={t('panelDockResize')}
      aria-valuemin={MIN_DOCK_WIDTH}
      aria-valuemax={maxWidth}
      aria-valuenow={width}
      onKeyDown={(event) => {
        // The panel grows to the left, so Left widens it.
        const next =
          event.key === 'ArrowLeft'
            ? width + KEY_STEP
            : event.key === 'ArrowRight'
              ? width - KEY_STEP
              : event.key === 'Home'
                ? maxWidth
                : event.key === 'End'
                  ? MIN_DOCK_WIDTH
                  : null;
        if (next === null) return;
        event.preventDefault();
        onResize(clamp(next), true);
      }}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        // No text selection while dragging; the handle still takes focus, for the arrow keys.
        event.preventDefault();
        const handle = event.currentTarget as HTMLElement;
        handle.focus();
        const win = handle.ownerDocument.defaultView;
        if (!win) return;
        // screenX: the frame's own box changes during the drag, the screen does not.
        const startX = event.screenX;
        let last = width;
        const move = (moved: PointerEvent) => {
          const next = clamp(width + startX - moved.screenX);
          if (next === last) return;
          last = next;
          onResize(next, false);
        };
        const end = () => {
          win.removeEventListener('pointermove', move);
          win.removeEventListener('pointerup', end);
          win.removeEventListener('pointercancel', end);
          drag.current = null;
          props.onDragging(false);
          onResize(last, true);
        };
        win.addEventListener('pointermove', move);
        win.addEventListener('pointerup', end);
        win.addEventListener('pointercancel', end);
        drag.current = end;
        props.onDragging(true);
      }}
    />
  );
}
