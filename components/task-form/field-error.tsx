/** The id that ties a field to its message, for aria-describedby. */
export function errorId(path: string): string {
  return `${path.replace(/[^A-Za-z0-9_-]/g, '-')}-error`;
}

/** The ARIA attributes of a field that may have a message. */
export function invalidProps(path: string, message: string | undefined) {
  return message
    ? { 'aria-invalid': 'true' as const, 'aria-describedby': errorId(path) }
    : { 'aria-invalid': undefined, 'aria-describedby': undefined };
}

export function FieldError({ path, message }: { path: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={errorId(path)} class="field-error">
      {message}
    </span>
  );
}
