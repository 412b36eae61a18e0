/** English text of signing in and out and of talking to the server; part of MESSAGES_EN. */
export const ACCOUNT_MESSAGES_EN = {
  accountHeading: 'Account',
  accountSignedOutIntro:
    'Sign in to share tasks with your team through your Wrapup server. Until then, tasks stay on this device.',
  signIn: 'Sign in',
  signInAgain: 'Sign in again',
  signingIn: 'Signing in…',
  signInHeading: 'Sign in to your Wrapup server',
  signInServerUrl: 'Server address',
  signInEmail: 'Email',
  signInPassword: 'Password',
  signedInAs: 'Signed in as {name} at {server}',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  signOutClearLocalData: 'Also clear local data on this device',
  signOutUnsentWarning:
    '{count} changes have not reached the server yet. Clearing local data deletes them for good.',
  signOutUnsentWarningOne:
    '1 change has not reached the server yet. Clearing local data deletes it for good.',
  signOutUnsentKeep: 'They stay on this device and are sent when you sign in again.',
  signOutConfirm: 'Sign out now',
  signedOutOffline:
    'Signed out on this device. The server could not be reached, so the session there ends when it expires.',
  serverUrlRequired: 'Enter the address of your Wrapup server.',
  serverUrlInvalid: 'Enter a web address such as https://wrapup.example.com.',
  serverUrlScheme:
    'The address must start with https:// (or http:// for a server on this network).',
  serverUrlCredentials: 'Leave the user name and password out of the address.',
  serverUrlQuery: 'Leave ? and # parts out of the address.',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'That is not an email address.',
  passwordRequired: 'Enter your password.',
  hostPermissionRefused:
    'Wrapup needs your permission to reach {origin}. Sign in again and choose Allow.',
  serverOffline: 'The server cannot be reached. Check the address and your connection.',
  serverTimeout: 'The server did not answer in time. Try again in a moment.',
  serverUnavailable: 'The server is having trouble ({status}). Try again in a moment.',
  serverSessionExpired: 'Your session has ended. Sign in again; nothing on this device is lost.',
  serverForbidden: 'The server refused this ({status}).',
  serverBadRequest: 'The server refused the request ({status}).',
  serverNotWrapup: 'That address does not answer like a Wrapup server.',
  signInWrongPassword: 'The email or password is not right.',
} as const;
