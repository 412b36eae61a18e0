/** System transaction codes come from the contact center's services (R6): nobody edits them. */
export class SystemCodeError extends Error {
  override readonly name = 'SystemCodeError';
  constructor(readonly code: string) {
    super(`${code} is a system code; it cannot be added, changed or retired here.`);
  }
}
