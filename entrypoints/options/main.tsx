import { render } from 'preact';
import { SoftphoneProfiles } from '../../components/options/SoftphoneProfiles';
import { t } from '../../lib/i18n/translate';
import { browserSoftphoneProfiles } from './softphone-profiles-api';
import '../../components/theme.css';
import '../../components/options/options.css';

function Options() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SoftphoneProfiles api={browserSoftphoneProfiles} />
    </main>
  );
}

const root = document.getElementById('app');
if (!root) throw new Error('options markup lacks #app');
render(<Options />, root);
