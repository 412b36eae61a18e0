/** Length limits shared by the extension and the server, so both refuse the same input. */
export const LIMITS = {
  subject: 200,
  notes: 20_000,
  name: 200,
  shortText: 500,
  longText: 20_000,
  phone: 40,
  email: 254,
  url: 2_000,
  transactionId: 100,
  code: 32,
  codeLabel: 100,
  fieldLabel: 32,
  fieldKey: 40,
  listItems: 100,
} as const;
