/**
 * A shared list's save refused because another administrator changed the settings first. Its
 * message says so; the screen reloads the list and keeps what its administrator typed.
 */
export class ChangedMeanwhileError extends Error {
  override readonly name = 'ChangedMeanwhileError';
}
