import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { WrapupDb } from '../../../lib/db/database';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import { saveSettings } from '../../../lib/db/settings-store';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import {
  DEFAULT_AGENT_PREFERENCES,
  saveAgentPreferences,
} from '../../../lib/preferences/agent-preferences';
import type { AppState } from '../../../lib/state/app-state';
import { localDateTimeToIso } from '../../../lib/state/local-date-time';
import { createTaskFormState } from '../../../lib/state/task-form-state';
import { freshDb, makeTask } from '../db/fixtures';
import { testAppState, until } from './support';

const SCHEDULED = '2030-01-02T10:00';
const minutesBefore = (local: string, minutes: number) =>
  new Date(Date.parse(localDateTimeToIso(local) ?? '') - minutes * 60_000).toISOString();

describe('a new task’s reminder lead', () => {
  let db: WrapupDb;
  let state: AppState;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = await freshDb();
    await saveSettings(db, { ...DEFAULT_SETTINGS, defaultReminderLeadMinutes: 15 });
    ({ state } = testAppState(db));
    await until(() => state.settings.value?.defaultReminderLeadMinutes === 15);
  });

  afterEach(async () => {
    state.dispose();
    await catchUpSearchIndex(db);
    db.close();
  });

  const newForm = () =>
    createTaskFormState({
      app: state,
      task: null,
      definitions: [],
      settings: state.settings.value,
    });

  it('R11: starts at the agent’s own lead, and the stored task carries it', async () => {
    await saveAgentPreferences({ ...DEFAULT_AGENT_PREFERENCES, reminderLeadMinutes: 30 });
    const form = newForm();
    await form.ready;
    expect(form.values.value.reminderLeadMinutes).toBe('30');
    form.update({ subject: 'Call back', scheduledAt: SCHEDULED });
    const saved = await form.save();
    expect(saved).toMatchObject({
      reminderLeadMinutes: 30,
      remindAt: minutesBefore(SCHEDULED, 30),
    });
    expect((await db.tasks.get(saved?.id ?? ''))?.reminderLeadMinutes).toBe(30);
  });

  it('R11: without a preference the contact center’s default applies', async () => {
    const form = newForm();
    await form.ready;
    expect(form.values.value.reminderLeadMinutes).toBe('');
    form.update({ subject: 'Call back', scheduledAt: SCHEDULED });
    const saved = await form.save();
    expect(saved?.remindAt).toBe(minutesBefore(SCHEDULED, 15));
  });

  it('R11: a lead the agent typed, or an existing task’s, is never replaced by the preference', async () => {
    await saveAgentPreferences({ ...DEFAULT_AGENT_PREFERENCES, reminderLeadMinutes: 30 });
    const typed = newForm();
    typed.update({ reminderLeadMinutes: '5' });
    await typed.ready;
    expect(typed.values.value.reminderLeadMinutes).toBe('5');
    const task = makeTask(1, { reminderLeadMinutes: 10 });
    await db.tasks.put(task);
    const existing = createTaskFormState({
      app: state,
      task,
      definitions: [],
      settings: state.settings.value,
    });
    await existing.ready;
    expect(existing.values.value.reminderLeadMinutes).toBe('10');
  });
});
