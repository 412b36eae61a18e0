import { describe, expect, it } from 'vitest';
import { panelPromptTextOptional } from '../../../lib/messages/panel-prompt';

const words = { text: 'Call logged in Wrapup.', open: 'Open Wrapup', dismiss: 'Dismiss' };

describe('the prompt text a softphone page gets back with an ended call', () => {
  it('is taken when all three texts are there', () => {
    expect(panelPromptTextOptional({ ok: true, taskId: null, panelPrompt: words })).toEqual(words);
  });

  it.each([
    ['no reply', null],
    ['no prompt offered', { ok: true, panelPrompt: null }],
    ['a missing button text', { panelPrompt: { text: 'x', open: 'y' } }],
    ['a text that is not a string', { panelPrompt: { ...words, text: { html: '<b>' } } }],
    ['an oversized text', { panelPrompt: { ...words, text: 'x'.repeat(201) } }],
  ])('is refused with %s', (_label, reply) => {
    expect(panelPromptTextOptional(reply)).toBeNull();
  });
});
