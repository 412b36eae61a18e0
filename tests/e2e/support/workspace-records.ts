/** Store rows for the workspace tests, shaped as the domain schemas require. */

let sequence = 0;

function at(minutesAgo: number): string {
  return new Date(Date.now() - minutesAgo * 60_000).toISOString();
}

export function taskRecord(agentId: string, overrides: Record<string, unknown> = {}) {
  sequence += 1;
  const created = at(1000 - sequence);
  return {
    id: crypto.randomUUID(),
    number: null,
    kind: 'call',
    origin: 'manual',
    subject: `Task ${sequence}`,
    notes: '',
    status: 'open',
    customerId: null,
    assigneeId: agentId,
    transactionId: null,
    transactionCodes: [],
    call: null,
    dueAt: null,
    scheduledAt: null,
    reminderLeadMinutes: null,
    remindAt: null,
    fields: {},
    parentId: null,
    parentNumber: null,
    reference: null,
    createdAt: created,
    updatedAt: created,
    createdBy: agentId,
    updatedBy: agentId,
    version: 0,
    deletedAt: null,
    ...overrides,
  };
}

/** A call log as the system makes it when a call ends (R1), not linked to any customer. */
export function callLogRecord(agentId: string, number: string, callerName: string) {
  const ended = at(2);
  return taskRecord(agentId, {
    origin: 'system',
    subject: `Call with ${callerName}`,
    transactionId: `TX-${number.slice(-4)}`,
    call: {
      number,
      callerName,
      direction: 'inbound',
      queue: 'Billing',
      campaign: null,
      startedAt: at(6),
      connectedAt: at(5),
      endedAt: ended,
      durationSeconds: 180,
    },
  });
}

export function fieldDefinitionRecord(
  key: string,
  label: string,
  type: string,
  overrides: Record<string, unknown> = {},
) {
  sequence += 1;
  return {
    id: crypto.randomUUID(),
    key,
    label,
    type,
    required: false,
    options: [],
    defaultValue: null,
    order: sequence,
    archived: false,
    appliesTo: [],
    ...overrides,
  };
}

export function userRecord(agentId: string, permissions: string[]) {
  return {
    id: agentId,
    name: 'Pat Agent',
    email: 'pat@example.com',
    role: 'agent',
    permissions,
    active: true,
  };
}

export function settingsRecord(overrides: Record<string, unknown> = {}) {
  return {
    autoCallLog: true,
    callLogOpensIn: 'edit',
    callLogKinds: ['call', 'voicemail', 'web_callback'],
    codesRequiredOnCallLogs: false,
    defaultReminderLeadMinutes: 5,
    workingSetDays: 90,
    ...overrides,
  };
}
