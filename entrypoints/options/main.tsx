import { render } from 'preact';
import { CustomerPages } from '../../components/options/CustomerPages';
import { SoftphoneProfiles } from '../../components/options/SoftphoneProfiles';
import { t } from '../../lib/i18n/translate';
import { loadRecognisers, saveRecognisers } from '../../lib/page-context/recogniser-store';
import { browserSoftphoneProfiles } from './softphone-profiles-api';
import '../../components/theme.css';
import '../../components/options/options.css';

const customerPages = { load: loadRecognisers, save: saveRecognisers };

function Options() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SoftphoneProfiles api={browserSoftphoneProfiles} />
      <CustomerPages api={customerPages} />
    </main>
  );
}

const root = document.getElementById('app');
if (!root) throw new Error('options markup lacks #app');
render(<Options />, root);
