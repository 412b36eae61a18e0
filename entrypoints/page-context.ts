import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { z } from 'zod';
import { CustomerPageRecogniserSchema } from '../lib/domain/customer-page-recogniser';
import { takeInjectedInput } from '../lib/page-context/injected-input';
import { readPageContext } from '../lib/page-context/read-page-context';

const InputSchema = z.object({ recognisers: z.array(CustomerPageRecogniserSchema) });

// Injected by the quick task (context menu, shortcut) into the page the agent is on, with the
// page-given activeTab permission: reads the page once and returns what it says, as plain data.
export default defineUnlistedScript(() =>
  readPageContext(
    document,
    window.getSelection()?.toString() ?? '',
    InputSchema.parse(takeInjectedInput()).recognisers,
  ),
);
