import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DomProfileSchema } from '../lib/domain/softphone-profile';
import { takeInjectedInput } from '../lib/page-context/injected-input';
import { probeDomProfile } from '../lib/softphone/probe-profile';

// Injected by the options page's "test on this tab": reads the page once with the profile being
// edited and returns what it detects. The result is plain data the page cannot reach.
export default defineUnlistedScript(() =>
  probeDomProfile(document, DomProfileSchema.parse(takeInjectedInput())),
);
