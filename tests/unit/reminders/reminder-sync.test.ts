import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { snoozeReminderFor, startReminderSync } from '../../../entrypoints/sidepanel/reminder-sync';
import { openWrapupDb } from '../../../lib/db/database';
import { writeOperation } from '../../../lib/db/write-operation';
import { makeTask } from '../db/fixtures';

const db = openWrapupDb();

describe('the side panel keeps the background’s reminders in step', () => {
  const received: unknown[] = [];
  let stop: (() => void) | undefined;

  beforeEach(async () => {
    fakeBrowser.reset();
    received.length = 0;
    await Promise.all(db.tables.map((table) => table.clear()));
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      received.push(message);
      return Promise.resolve({ ok: true, remindAt: '2026-11-28T10:05:00.000Z' });
    });
  });
  afterEach(() => stop?.());

  it('R11: tells the background once after a burst of task writes, so a stopped worker wakes', async () => {
    stop = startReminderSync();
    await writeOperation(db, { tasks: [makeTask(1)] });
    await writeOperation(db, { tasks: [makeTask(2)] });
    await vi.waitFor(() => expect(received).toEqual([{ type: 'reminders/changed' }]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(1);
  });

  it('says nothing about writes that are not tasks', async () => {
    stop = startReminderSync();
    await db.meta.put({ key: 'unrelated', value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toEqual([]);
  });

  it('R11: asks the background to snooze by a chosen length and returns the new time', async () => {
    const taskId = makeTask(1).id;
    expect(await snoozeReminderFor(taskId, 15)).toBe('2026-11-28T10:05:00.000Z');
    expect(received).toEqual([{ type: 'reminders/snooze', taskId, minutes: 15 }]);
  });
});
