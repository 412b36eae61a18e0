import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  onOpenTaskRequest,
  takeOpenTaskRequest,
} from '../../../entrypoints/sidepanel/open-task-request';
import { openTaskRequestItem, requestOpenTask } from '../../../lib/messages/open-task-request';
import { makeTask } from '../db/fixtures';

const TASK_ID = makeTask(1).id;

describe('the open-task request a reminder click leaves for the side panel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('R11: is taken once by the panel when it opens', async () => {
    await requestOpenTask(TASK_ID, new Date('2026-11-28T10:00:00.000Z'));
    expect(await takeOpenTaskRequest()).toEqual({
      taskId: TASK_ID,
      at: '2026-11-28T10:00:00.000Z',
    });
    expect(await takeOpenTaskRequest()).toBeNull();
  });

  it('means the list of due calls when it names no task (a grouped past-due reminder)', async () => {
    await requestOpenTask(null, new Date('2026-11-28T10:00:00.000Z'));
    expect((await takeOpenTaskRequest())?.taskId).toBeNull();
  });

  it('ignores and clears nothing it does not understand', async () => {
    await fakeBrowser.storage.local.set({ openTaskRequest: { taskId: '<b>x</b>', at: 'soon' } });
    expect(await takeOpenTaskRequest()).toBeNull();
  });

  it('reaches a panel that is already open, which takes it', async () => {
    const seen = vi.fn();
    const stop = onOpenTaskRequest(seen);
    await requestOpenTask(TASK_ID, new Date('2026-11-28T10:00:00.000Z'));
    await vi.waitFor(() =>
      expect(seen).toHaveBeenCalledWith(expect.objectContaining({ taskId: TASK_ID })),
    );
    await vi.waitFor(async () => expect(await openTaskRequestItem.getValue()).toBeNull());
    stop();
  });
});
