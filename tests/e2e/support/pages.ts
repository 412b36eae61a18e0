import type { BrowserContext, Page } from 'playwright-core';

/** The demo softphone (tests/fixtures/softphone.html), driven the way an agent would. */
export class DemoSoftphonePage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, serverUrl: string): Promise<DemoSoftphonePage> {
    const page = await context.newPage();
    await page.goto(`${serverUrl}/demo/softphone.html`);
    return new DemoSoftphonePage(page);
  }

  async receiveCall(call: {
    number: string;
    name: string;
    queue?: string;
    transactionId?: string;
  }) {
    await this.page.fill('#sim-number', call.number);
    await this.page.fill('#sim-name', call.name);
    if (call.queue) await this.page.fill('#sim-queue', call.queue);
    if (call.transactionId) await this.page.fill('#sim-txid', call.transactionId);
    await this.page.click('#sim-incoming');
    await this.waitForState('ringing');
  }

  async answer() {
    await this.page.click('#answer');
    await this.waitForState('connected');
  }

  async hangUp() {
    await this.page.click('#hangup');
    await this.waitForState('ended');
  }

  async selectCode(code: string) {
    await this.page.check(`input[name="tcode"][value="${code}"]`);
  }

  waitForState(state: string) {
    return this.page.waitForSelector(`#call-panel[data-call-state="${state}"]`);
  }
}

/** The side panel, opened as a tab at chrome-extension://ID/sidepanel.html. */
export class SidePanelPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<SidePanelPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    return new SidePanelPage(page);
  }

  taskRows() {
    return this.page.locator('[data-testid="task-list"] button.task-row');
  }

  async openTaskWithNumber(phone: string) {
    await this.taskRows().filter({ hasText: phone }).first().click();
    await this.page.waitForSelector('[data-testid="task-form"]');
  }

  fact(field: string) {
    return this.page.locator(`.call-facts [data-field="${field}"]`);
  }

  async typeNotes(text: string) {
    await this.page.fill('textarea[name="notes"]', text);
  }

  async save() {
    await this.page.click('button[type="submit"]');
    await this.page.waitForSelector('output:has-text("Saved")');
  }

  async reload() {
    await this.page.reload();
    await this.page.waitForSelector('h2#my-tasks-heading');
  }
}
