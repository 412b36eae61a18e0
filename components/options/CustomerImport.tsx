import { useSignal } from '@preact/signals';
import { countryCodeInput } from '../../lib/domain/country-code';
import { CsvParseError, parseCsv } from '../../lib/domain/csv-parse';
import { type ImportCheck, MAX_IMPORT_ROWS } from '../../lib/domain/customer-import';
import {
  type ColumnMapping,
  guessMapping,
  IMPORT_TARGETS,
  ImportTargetSchema,
  mappingProblem,
} from '../../lib/domain/customer-import-mapping';
import { errorMessage } from '../../lib/domain/error-message';
import { t } from '../../lib/i18n/translate';
import type { CsvFile, CustomerImportApi } from './customer-data-api';

const PREVIEW_ROWS = 5;
/** The report lists this many problems; the count says how many more there are. */
const SHOWN_PROBLEMS = 500;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

type Outcome = Awaited<ReturnType<CustomerImportApi['importRows']>>;

function readCsv(text: string): CsvFile | string {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvParseError) return error.message;
    throw error;
  }
  const [headers, ...rest] = records;
  if (!headers || rest.length === 0) return t('importNoRows');
  if (rest.length > MAX_IMPORT_ROWS) return t('importTooManyRows', { max: MAX_IMPORT_ROWS });
  return { headers, records: rest };
}

/** The administrator's customer import: file, preview with mapping, check, import with progress. */
export function CustomerImport({ api }: { api: CustomerImportApi }) {
  const file = useSignal<CsvFile | null>(null);
  const fileError = useSignal('');
  const mapping = useSignal<ColumnMapping>([]);
  const country = useSignal('');
  const countryError = useSignal('');
  const checkError = useSignal('');
  const check = useSignal<ImportCheck | null>(null);
  const progress = useSignal<{ done: number; total: number } | null>(null);
  const outcome = useSignal<Outcome | null>(null);
  const busy = useSignal(false);

  const reset = () => {
    check.value = null;
    checkError.value = '';
    outcome.value = null;
    progress.value = null;
  };

  const choose = async (event: Event) => {
    const chosen = (event.currentTarget as HTMLInputElement).files?.[0];
    reset();
    file.value = null;
    fileError.value = '';
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      fileError.value = t('importTooBig');
      return;
    }
    const read = readCsv(await chosen.text());
    if (typeof read === 'string') {
      fileError.value = read;
      return;
    }
    file.value = read;
    mapping.value = guessMapping(read.headers);
  };

  const runCheck = async () => {
    const current = file.value;
    if (!current) return;
    reset();
    const problem = mappingProblem(mapping.value);
    const countryCode = countryCodeInput(country.value);
    countryError.value = 'error' in countryCode ? countryCode.error : '';
    if (problem) checkError.value = problem;
    if (problem || 'error' in countryCode) return;
    busy.value = true;
    try {
      check.value = await api.check(current, mapping.value, {
        defaultCountry: countryCode.country,
      });
    } catch (error) {
      checkError.value = errorMessage(error);
    } finally {
      busy.value = false;
    }
  };

  const runImport = async () => {
    const checked = check.value;
    if (!checked || checked.rows.length === 0) return;
    busy.value = true;
    checkError.value = '';
    progress.value = { done: 0, total: checked.rows.length };
    try {
      outcome.value = await api.importRows(checked.rows, (done, total) => {
        progress.value = { done, total };
      });
      check.value = null;
    } catch (error) {
      checkError.value = t('importFailed', { reason: errorMessage(error) });
    } finally {
      busy.value = false;
    }
  };

  const current = file.value;
  const checked = check.value;
  const headerName = (index: number) =>
    current?.headers[index]?.trim() || t('importColumnNumber', { number: index + 1 });

  return (
    <section aria-labelledby="customer-import-heading" data-testid="customer-import">
      <h2 id="customer-import-heading">{t('importHeading')}</h2>
      <p>{t('importIntro')}</p>
      <div class="field">
        <label for="import-file">{t('importFile')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          aria-invalid={fileError.value ? true : undefined}
          aria-describedby={fileError.value ? 'import-file-error' : undefined}
          onChange={(event) => void choose(event)}
        />
        {fileError.value && (
          <small id="import-file-error" class="error" role="alert">
            {fileError.value}
          </small>
        )}
      </div>
      {current && (
        <>
          <div class="table-scroll">
            <table class="data-table">
              <caption>
                {t('importPreview', {
                  shown: Math.min(PREVIEW_ROWS, current.records.length),
                  rows: current.records.length,
                })}
              </caption>
              <thead>
                <tr>
                  {current.headers.map((_, index) => (
                    <th key={index} scope="col">
                      <label for={`import-column-${index}`}>{headerName(index)}</label>
                      <select
                        id={`import-column-${index}`}
                        value={mapping.value[index] ?? 'ignore'}
                        onChange={(event) => {
                          const next = [...mapping.value];
                          next[index] = ImportTargetSchema.catch('ignore').parse(
                            event.currentTarget.value,
                          );
                          mapping.value = next;
                          reset();
                        }}
                      >
                        {IMPORT_TARGETS.map((target) => (
                          <option key={target} value={target}>
                            {t(`importTarget_${target}`)}
                          </option>
                        ))}
                      </select>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {current.records.slice(0, PREVIEW_ROWS).map((record, row) => (
                  <tr key={row}>
                    {current.headers.map((_, column) => (
                      <td key={column}>{record[column] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="field">
            <label for="import-country">{t('importCountry')}</label>
            <input
              id="import-country"
              type="text"
              size={4}
              maxLength={2}
              value={country.value}
              aria-invalid={countryError.value ? true : undefined}
              aria-describedby={countryError.value ? 'import-country-error' : undefined}
              onInput={(event) => {
                country.value = event.currentTarget.value;
                reset();
              }}
            />
            {countryError.value && (
              <small id="import-country-error" class="error">
                {countryError.value}
              </small>
            )}
          </div>
          <div class="actions">
            <button type="button" disabled={busy.value} onClick={() => void runCheck()}>
              {t('importCheck')}
            </button>
          </div>
        </>
      )}
      {checkError.value && (
        <p class="error" role="alert">
          {checkError.value}
        </p>
      )}
      {checked && (
        <>
          <p role="status">
            {t('importCheckSummary', { good: checked.rows.length, bad: checked.badRows })}
          </p>
          {checked.problems.length > 0 && (
            <div class="table-scroll">
              <table class="data-table" data-testid="import-problems">
                <caption>{t('importProblems')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('importProblemRow')}</th>
                    <th scope="col">{t('importProblemColumn')}</th>
                    <th scope="col">{t('importProblemMessage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {checked.problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
                    <tr key={index}>
                      <td>{problem.row}</td>
                      <td>{problem.column ?? ''}</td>
                      <td>{problem.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {checked.problems.length > SHOWN_PROBLEMS && (
                <p>
                  {t('importMoreProblems', { count: checked.problems.length - SHOWN_PROBLEMS })}
                </p>
              )}
            </div>
          )}
          <div class="actions">
            <button
              type="button"
              disabled={busy.value || checked.rows.length === 0}
              onClick={() => void runImport()}
            >
              {t('importRun', { count: checked.rows.length })}
            </button>
          </div>
        </>
      )}
      {progress.value && (
        <div class="import-progress">
          <div
            role="progressbar"
            aria-label={t('importProgress')}
            aria-valuemin={0}
            aria-valuemax={progress.value.total}
            aria-valuenow={progress.value.done}
            class="progress-track"
          >
            <div
              class="progress-fill"
              style={{
                width: `${(100 * progress.value.done) / Math.max(1, progress.value.total)}%`,
              }}
            />
          </div>
          <span>
            {t('importProgressCount', { done: progress.value.done, total: progress.value.total })}
          </span>
        </div>
      )}
      {outcome.value && (
        <div role="status" data-testid="import-outcome">
          <p>{t('importDone', { count: outcome.value.imported })}</p>
          {outcome.value.skipped.length > 0 && (
            <ul>
              {outcome.value.skipped.map((problem, index) => (
                <li key={index}>
                  {t('importSkipped', { row: problem.row, reason: problem.message })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
