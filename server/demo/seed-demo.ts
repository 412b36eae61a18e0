import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defineField } from '../../lib/domain/define-field';
import { newId } from '../../lib/domain/ids';
import type { Permission } from '../../lib/domain/user';
import { hashPassword } from '../auth/password';
import { createCustomerAs } from '../customers/customer-operations';
import type { Database } from '../db/schema';
import { DEMO_PAGES_DIR } from '../project-paths';
import { saveFieldDefinition } from '../store/field-definitions';
import { saveTransactionCode } from '../store/transaction-codes';
import { insertUser } from '../store/users';
import { inWriteTransaction } from '../store/write-transaction';
import { createTenant } from '../tenants/create-tenant';

/** Who can sign in to the demo contact center; printed by `npm start`. */
export interface DemoAccount {
  role: 'administrator' | 'agent';
  email: string;
  password: string;
}

export interface DemoSeed {
  tenantName: string;
  accounts: DemoAccount[];
  /** False when the demo contact center was already there from an earlier start. */
  created: boolean;
}

const TENANT_NAME = 'Wrapup Demo Contact Center';
// Demo passwords are public on purpose: the demo runs on a newcomer's own machine, never in
// production (see seedDemoIfEmpty).
const ADMIN = { email: 'admin@demo.wrapup.test', password: 'demo-admin-password' };
const AGENTS = [
  { name: 'Alex Agent', email: 'alex@demo.wrapup.test', password: 'demo-agent-password' },
  { name: 'Sam Agent', email: 'sam@demo.wrapup.test', password: 'demo-agent-password' },
];
const AGENT_PERMISSIONS: Permission[] = ['view', 'create', 'edit', 'delete', 'change_status'];

const CODES = [
  { code: 'SALE', label: 'Sale made' },
  { code: 'INFO', label: 'Information given' },
  { code: 'COMPLAINT', label: 'Complaint' },
  { code: 'CALLBACK', label: 'Callback requested' },
];

const FIELDS = [
  {
    key: 'priority',
    label: 'Priority',
    type: 'select',
    options: ['Low', 'Normal', 'High'],
    defaultValue: 'Normal',
  },
  { key: 'contract_number', label: 'Contract number', type: 'text' },
  { key: 'follow_up_on', label: 'Follow up on', type: 'date' },
] as const;

const DemoCustomersSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    phone: z.string(),
    email: z.string(),
    company: z.string(),
    city: z.string(),
    segment: z.string(),
    since: z.string(),
  }),
);

/** The demo CRM's customers, the same records the demo softphone calls from. */
async function demoCustomers() {
  const module = await import(pathToFileURL(join(DEMO_PAGES_DIR, 'demo-customers.js')).href);
  return DemoCustomersSchema.parse(module.CUSTOMERS);
}

function demoSeed(created: boolean): DemoSeed {
  return {
    tenantName: TENANT_NAME,
    created,
    accounts: [
      { role: 'administrator', ...ADMIN },
      ...AGENTS.map((agent) => ({
        role: 'agent' as const,
        email: agent.email,
        password: agent.password,
      })),
    ],
  };
}

/**
 * On a database with no contact center at all, creates the demo one: an administrator, two
 * agents, the demo softphone's callers as customers, transaction codes (the system ones come
 * with every contact center) and a few custom fields. When the demo contact center is already
 * there, says so (created: false). Returns null, touching nothing, in production
 * (NODE_ENV=production) and when the database holds other contact centers only.
 */
export async function seedDemoIfEmpty(
  db: Kysely<Database>,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<DemoSeed | null> {
  if (environment.NODE_ENV === 'production') return null;
  if (await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst()) {
    const demoAdmin = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', ADMIN.email)
      .executeTakeFirst();
    return demoAdmin ? demoSeed(false) : null;
  }
  const created = await createTenant(db, {
    name: TENANT_NAME,
    adminName: 'Dana Administrator',
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  const customers = await demoCustomers();
  const agentHash = await hashPassword(AGENTS[0]?.password ?? '');
  await inWriteTransaction(db, created.tenantId, async (writer) => {
    for (const agent of AGENTS) {
      await insertUser(
        writer,
        {
          id: newId(),
          name: agent.name,
          email: agent.email,
          role: 'agent',
          permissions: AGENT_PERMISSIONS,
          active: true,
        },
        agentHash,
      );
    }
    const admin = {
      id: created.adminId,
      name: 'Dana Administrator',
      email: ADMIN.email,
      role: 'administrator' as const,
      permissions: AGENT_PERMISSIONS,
      active: true,
    };
    for (const customer of customers) {
      await createCustomerAs(writer, admin, {
        name: customer.name,
        phones: [customer.phone],
        emails: [customer.email],
        company: customer.company,
        externalIds: [customer.id],
        notes: `${customer.segment}, ${customer.city}; customer since ${customer.since}.`,
      });
    }
    for (const code of CODES) {
      await saveTransactionCode(writer, { ...code, system: null, active: true });
    }
    const definitions = [];
    for (const field of FIELDS) {
      const definition = defineField(
        { ...field, options: 'options' in field ? [...field.options] : [] },
        definitions,
        { newId },
      );
      definitions.push(definition);
      await saveFieldDefinition(writer, definition);
    }
  });
  return demoSeed(true);
}
