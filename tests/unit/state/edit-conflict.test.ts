import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import type { AppState } from '../../../lib/state/app-state';
import type { memoryDraftStore } from '../../../lib/state/draft-store';
import { createTaskFormState } from '../../../lib/state/task-form-state';
import { formValuesOf } from '../../../lib/state/task-form-values';
import { freshDb, makeTask, OTHER_AGENT } from '../db/fixtures';
import { loaded, testAppState, until } from './support';

describe('a draft made before the task changed elsewhere', () => {
  let db: WrapupDb;
  let state: AppState;
  let drafts: ReturnType<typeof memoryDraftStore>;
  const task = makeTask(1, { subject: 'Old subject', notes: 'Old notes' });

  beforeEach(async () => {
    db = await freshDb();
    ({ state, drafts } = testAppState(db));
    await loaded(() => state.settings.value);
  });

  afterEach(async () => {
    state.dispose();
    await catchUpSearchIndex(db);
    db.close();
  });

  const formFor = (current: typeof task) =>
    createTaskFormState({
      app: state,
      task: current,
      definitions: [],
      settings: state.settings.value,
    });

  it('keeps what was typed, takes the newer stored values of untouched fields, and says so', async () => {
    const first = formFor(task);
    await first.ready;
    first.update({ notes: 'Typed before the panel closed' });
    await first.flush();
    first.dispose();

    // A sync while the panel was closed: someone else changed the subject.
    const changed = {
      ...task,
      subject: 'New subject from Cy',
      version: 2,
      updatedBy: OTHER_AGENT,
      updatedAt: '2026-11-29T09:50:00.000Z',
    };
    await db.tasks.put(changed);
    const again = formFor(changed);
    await again.ready;
    expect(again.restored.value).toBe(true);
    expect(again.values.value).toEqual({
      ...formValuesOf(changed),
      notes: 'Typed before the panel closed',
    });
    await until(() => again.conflict.value !== null);
    expect(again.conflict.value).toMatchObject({
      byId: OTHER_AGENT,
      at: '2026-11-29T09:50:00.000Z',
      paths: ['subject'],
    });
    const saved = await again.save();
    expect(saved).toMatchObject({
      subject: 'New subject from Cy',
      notes: 'Typed before the panel closed',
    });
    expect(again.conflict.value).toBeNull();
    expect(await drafts.load(`task:${task.id}`)).toBeUndefined();
  });
});
