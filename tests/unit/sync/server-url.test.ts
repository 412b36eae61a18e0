import { describe, expect, it } from 'vitest';
import { parseServerUrl } from '../../../lib/sync/server-url';
import { checkSignInInput } from '../../../lib/sync/sign-in-input';

describe('parseServerUrl', () => {
  it.each([
    ['https://wrapup.example', 'https://wrapup.example', 'https://wrapup.example'],
    ['  https://Wrapup.Example/  ', 'https://wrapup.example', 'https://wrapup.example'],
    ['wrapup.example', 'https://wrapup.example', 'https://wrapup.example'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://acme.example/wrapup//', 'https://acme.example/wrapup', 'https://acme.example'],
    ['https://wrapup.example:443/', 'https://wrapup.example', 'https://wrapup.example'],
  ])('normalises %j', (typed, serverUrl, origin) => {
    expect(parseServerUrl(typed)).toEqual({ ok: true, serverUrl, origin });
  });

  it.each([
    ['', 'Enter the address of your Wrapup server.'],
    ['   ', 'Enter the address of your Wrapup server.'],
    ['https://', 'Enter a web address such as https://wrapup.example.com.'],
    ['not a url at all', 'Enter a web address such as https://wrapup.example.com.'],
    [
      'ftp://files.example',
      'The address must start with https:// (or http:// for a server on this network).',
    ],
    [
      'javascript://alert(1)',
      'The address must start with https:// (or http:// for a server on this network).',
    ],
    ['https://bo:secret@wrapup.example', 'Leave the user name and password out of the address.'],
    ['https://wrapup.example/?tenant=1', 'Leave ? and # parts out of the address.'],
    ['https://wrapup.example/#x', 'Leave ? and # parts out of the address.'],
  ])('refuses %j with a clear message', (typed, message) => {
    expect(parseServerUrl(typed)).toEqual({ ok: false, message });
  });
});

describe('checkSignInInput', () => {
  it('trims the email but keeps the password exactly as typed', () => {
    expect(
      checkSignInInput({
        serverUrl: 'wrapup.example',
        email: ' bo@acme.example ',
        password: ' pw ',
      }),
    ).toEqual({
      ok: true,
      value: {
        serverUrl: 'https://wrapup.example',
        origin: 'https://wrapup.example',
        email: 'bo@acme.example',
        password: ' pw ',
      },
    });
  });
});
