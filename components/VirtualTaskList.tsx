import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Task } from '../lib/domain/task';
import { TaskRow } from './TaskRow';

/** Every row has this height, so the rows on screen follow from the scroll position alone. */
export const ROW_HEIGHT = 52;
/** Rows rendered beyond each edge, so fast scrolling does not show blank space. */
const OVERSCAN = 8;

/**
 * A list of any length that renders only the rows in view (10,000+ tasks stay smooth). It is one
 * tab stop: arrow keys, Home, End, Page Up/Down move between rows, Enter opens the focused one.
 */
export function VirtualTaskList({
  tasks,
  label,
  onOpen,
  testId,
  fromServer,
}: {
  tasks: readonly Task[];
  label: string;
  onOpen: (task: Task) => void;
  testId: string;
  /** Marks the rows the server found that this device does not hold. */
  fromServer?: (task: Task) => boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const scrollTop = useSignal(0);
  const viewport = useSignal(600);
  const active = useSignal(0);
  const focusActive = useRef(false);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    viewport.value = element.clientHeight || 600;
    const observer = new ResizeObserver(() => {
      viewport.value = element.clientHeight || 600;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  if (active.value >= tasks.length && tasks.length > 0) active.value = tasks.length - 1;

  // Before paint, so a key pressed right after an arrow acts on the row the arrow moved to.
  useLayoutEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    scroller.current
      ?.querySelector<HTMLButtonElement>(`button[data-index="${active.value}"]`)
      ?.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const next = Math.min(Math.max(index, 0), tasks.length - 1);
    active.value = next;
    focusActive.current = true;
    const element = scroller.current;
    if (!element) return;
    const top = next * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    }
    scrollTop.value = element.scrollTop;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(viewport.value / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active.value + 1,
      ArrowUp: active.value - 1,
      PageDown: active.value + page,
      PageUp: active.value - page,
      Home: 0,
      End: tasks.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  const first = Math.max(0, Math.floor(scrollTop.value / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(
    tasks.length,
    Math.ceil((scrollTop.value + viewport.value) / ROW_HEIGHT) + OVERSCAN,
  );
  const visible = tasks.slice(first, last);

  return (
    <div
      class="virtual-list"
      ref={scroller}
      onScroll={(event) => {
        scrollTop.value = event.currentTarget.scrollTop;
      }}
    >
      <ul
        class="task-list"
        aria-label={label}
        data-testid={testId}
        data-count={tasks.length}
        onKeyDown={onKeyDown}
        style={{ height: `${tasks.length * ROW_HEIGHT}px` }}
      >
        {visible.map((task, offset) => {
          const index = first + offset;
          return (
            <li
              key={task.id}
              style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
              aria-setsize={tasks.length}
              aria-posinset={index + 1}
            >
              <TaskRow
                task={task}
                index={index}
                tabIndex={index === active.value ? 0 : -1}
                onFocus={() => {
                  active.value = index;
                }}
                onOpen={() => onOpen(task)}
                fromServer={fromServer?.(task) ?? false}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
