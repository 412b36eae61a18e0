// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dialOnPage, dialRequestOptional } from '../../../lib/softphone/click-to-dial';
import { DEMO_SOFTPHONE_PROFILE } from '../../../lib/softphone/demo-softphone-profile';

describe('click-to-dial on a softphone page', () => {
  beforeEach(() => {
    document.body.innerHTML = `<form id="dial-form">
      <input type="tel" id="dial-input" /><button type="button" id="dial">Dial</button></form>`;
  });

  it('R11: types the number into the dial field and presses Dial, as the agent would', () => {
    const dialed = vi.fn();
    const input = document.getElementById('dial-input') as HTMLInputElement;
    const typed = vi.fn();
    input.addEventListener('input', typed);
    document.getElementById('dial')?.addEventListener('click', () => dialed(input.value));
    expect(dialOnPage(document, DEMO_SOFTPHONE_PROFILE, '+14155550134')).toBe(true);
    expect(typed).toHaveBeenCalledOnce();
    expect(dialed).toHaveBeenCalledWith('+14155550134');
  });

  it('dials nothing while the softphone cannot (busy) or when the profile has no click-to-dial', () => {
    (document.getElementById('dial') as HTMLButtonElement).disabled = true;
    expect(dialOnPage(document, DEMO_SOFTPHONE_PROFILE, '+14155550134')).toBe(false);
    const {
      dialInput: _input,
      dialButton: _button,
      ...selectors
    } = DEMO_SOFTPHONE_PROFILE.selectors;
    expect(dialOnPage(document, { ...DEMO_SOFTPHONE_PROFILE, selectors }, '+1')).toBe(false);
  });

  it('takes only a well-formed dial request', () => {
    expect(dialRequestOptional({ type: 'softphone/dial', number: '+1 (415) 555-0134' })).toEqual({
      type: 'softphone/dial',
      number: '+1 (415) 555-0134',
    });
    for (const bad of [
      null,
      'softphone/dial',
      { type: 'softphone/dial' },
      { type: 'softphone/dial', number: 'javascript:alert(1)' },
      { type: 'softphone/dial', number: '1'.repeat(41) },
      { type: 'other', number: '+14155550134' },
    ]) {
      expect(dialRequestOptional(bad)).toBeNull();
    }
  });
});
