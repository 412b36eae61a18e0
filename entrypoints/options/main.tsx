import { render } from 'preact';
import { CustomerImport } from '../../components/options/CustomerImport';
import { CustomerPages } from '../../components/options/CustomerPages';
import { DataExport } from '../../components/options/DataExport';
import { SoftphoneProfiles } from '../../components/options/SoftphoneProfiles';
import { openWrapupDb } from '../../lib/db/database';
import { t } from '../../lib/i18n/translate';
import { loadRecognisers, saveRecognisers } from '../../lib/page-context/recogniser-store';
import { browserCustomerData } from './customer-data';
import { browserSoftphoneProfiles } from './softphone-profiles-api';
import '../../components/theme.css';
import '../../components/options/options.css';

const customerPages = { load: loadRecognisers, save: saveRecognisers };
const customerData = browserCustomerData(openWrapupDb());

function Options() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SoftphoneProfiles api={browserSoftphoneProfiles} />
      <CustomerPages api={customerPages} />
      <CustomerImport api={customerData.importApi} />
      <DataExport api={customerData.exportApi} />
    </main>
  );
}

const root = document.getElementById('app');
if (!root) throw new Error('options markup lacks #app');
render(<Options />, root);
