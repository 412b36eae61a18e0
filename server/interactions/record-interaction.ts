import { sql } from 'kysely';
import { createTask } from '../../lib/domain/create-task';
import { newId } from '../../lib/domain/ids';
import { normalizePhone } from '../../lib/domain/phone';
import type { TaskDraft } from '../../lib/domain/task-draft';
import type { TaskKind } from '../../lib/domain/task-kind';
import { t } from '../../lib/i18n/translate';
import { loadSettings, rulesOptions } from '../store/settings';
import { storeOperation } from '../store/tasks';
import { loadTransactionCodes, saveTransactionCode } from '../store/transaction-codes';
import type { Writer } from '../store/write-transaction';
import type { Interaction } from './interaction';

export interface InteractionResult {
  interactionId: string;
  tasks: { id: string; number: number | null; kind: TaskKind; scheduledAt: string | null }[];
}

const KINDS: Record<Interaction['type'], TaskKind> = {
  call: 'call',
  voicemail: 'voicemail',
  web_callback: 'web_callback',
  campaign_call: 'call',
};

function subjectFor(interaction: Interaction, party: string): string {
  switch (interaction.type) {
    case 'voicemail':
      return t('voicemailFrom', { party });
    case 'web_callback':
      return t('webCallbackFor', { party });
    default:
      return t('callWith', { party });
  }
}

/**
 * The system-generated tasks of an ended interaction, in the writer's transaction: the call log
 * (R1 when the settings ask for it, R7 always for campaign calls) matched to the customer by
 * phone (R3), assigned to the agent named, carrying the picked and the system codes (R5, R6;
 * unknown system codes are added to the contact center's codes), and a scheduled call with a
 * reminder for a campaign callback (R8). The platform acts as the contact center itself: tasks
 * are created by the tenant's id.
 */
export async function recordInteraction(
  writer: Writer,
  interaction: Interaction,
): Promise<InteractionResult> {
  const { trx, tenantId } = writer;
  const settings = await loadSettings(trx, tenantId);
  const options = await rulesOptions(trx, tenantId);
  const ctx = { actorId: tenantId, now: new Date().toISOString(), newId };

  const e164 = interaction.phone ? normalizePhone(interaction.phone) : null;
  const customer = e164
    ? await trx
        .selectFrom('customers')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('deleted_at', 'is', null)
        .where(sql<boolean>`phones @> array[${e164}]::text[]`)
        .orderBy('id')
        .executeTakeFirst()
    : undefined;
  const agent = interaction.agentEmail
    ? await trx
        .selectFrom('users')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where(sql`lower(email)`, '=', interaction.agentEmail.toLowerCase())
        .executeTakeFirst()
    : undefined;

  const known = new Set((await loadTransactionCodes(trx, tenantId)).map((code) => code.code));
  for (const system of interaction.systemCodes ?? []) {
    if (known.has(system.code)) continue;
    await saveTransactionCode(writer, {
      code: system.code,
      label: system.label,
      system: system.source,
      active: true,
    });
    known.add(system.code);
  }

  const kind = KINDS[interaction.type];
  const campaign = interaction.type === 'campaign_call';
  const party = interaction.callerName ?? e164 ?? interaction.phone ?? t('unknownCaller');
  const base = {
    customerId: customer?.id ?? null,
    assigneeId: agent?.id ?? null,
    transactionId: interaction.interactionId,
    origin: campaign ? ('campaign' as const) : ('system' as const),
  };
  const drafts: TaskDraft[] = [];
  if (campaign || (settings.autoCallLog && settings.callLogKinds.includes(kind))) {
    drafts.push({
      ...base,
      kind,
      subject: subjectFor(interaction, party).slice(0, 200),
      notes: interaction.notes ?? '',
      transactionCodes: [
        ...new Set([
          ...(interaction.transactionCodes ?? []),
          ...(interaction.systemCodes ?? []).map((code) => code.code),
        ]),
      ],
      call: {
        number: e164 ?? interaction.phone,
        callerName: interaction.callerName ?? null,
        direction: interaction.direction,
        queue: interaction.queue ?? null,
        campaign: interaction.campaign ?? null,
        startedAt: interaction.startedAt,
        connectedAt: interaction.connectedAt ?? null,
        endedAt: interaction.endedAt,
        durationSeconds: interaction.connectedAt
          ? Math.max(
              0,
              Math.round(
                (Date.parse(interaction.endedAt) - Date.parse(interaction.connectedAt)) / 1000,
              ),
            )
          : 0,
      },
    });
  }
  if (interaction.callback) {
    drafts.push({
      ...base,
      kind: 'call',
      subject: t('campaignCallback', { party }).slice(0, 200),
      notes: interaction.callback.notes ?? '',
      scheduledAt: interaction.callback.scheduledAt,
      reminderLeadMinutes: interaction.callback.reminderLeadMinutes ?? null,
    });
  }

  const tasks: InteractionResult['tasks'] = [];
  for (const draft of drafts) {
    const [task] = await storeOperation(writer, createTask(draft, ctx, options));
    if (task) {
      tasks.push({
        id: task.id,
        number: task.number,
        kind: task.kind,
        scheduledAt: task.scheduledAt,
      });
    }
  }
  return { interactionId: interaction.interactionId, tasks };
}
