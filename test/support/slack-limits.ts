/**
 * Checks rendered Block Kit against Slack's published limits, written out here from
 * Slack's reference pages rather than read from the renderer, so a renderer that
 * drifts from them fails. Returns what is wrong, one line each; [] when all is well.
 */

type Json = Record<string, unknown>;

const LIMIT = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  textObject: 3000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  inputMaxLength: 3000,
  options: 100,
  optionText: 75,
  optionValue: 75,
  // Not documented: Slack refuses a message whose blocks hold about 12,000 characters
  // of text (msg_blocks_too_long; slackapi/bolt-js#2509, #2867).
  messageText: 11000,
} as const;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

class Checker {
  readonly problems: string[] = [];
  readonly actionIds = new Set<string>();
  readonly blockIds = new Set<string>();
  text = 0;

  fail(where: string, what: string): void {
    this.problems.push(`${where}: ${what}`);
  }

  /** A text object: its kind, not empty, within `max`; mrkdwn escaped but for real mentions. */
  textObject(where: string, value: unknown, max: number, kind?: 'plain_text' | 'mrkdwn'): void {
    if (!isObject(value) || typeof value.text !== 'string') return this.fail(where, 'missing text object');
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn') this.fail(where, `text type ${String(value.type)}`);
    if (kind && value.type !== kind) this.fail(where, `must be ${kind}`);
    const text = value.text;
    this.text += text.length;
    if (text.trim() === '') this.fail(where, 'empty text');
    if (text.length > max) this.fail(where, `text of ${text.length} > ${max}`);
    if (value.type === 'mrkdwn') {
      const stray = text.match(/<(?!@[A-Za-z0-9_-]+>)|&(?!(amp|lt|gt);)/);
      if (stray) this.fail(where, `unescaped "${text.slice(Math.max(0, stray.index! - 10), stray.index! + 20)}"`);
    }
  }

  length(where: string, value: unknown, max: number): void {
    if (value === undefined) return;
    if (typeof value !== 'string') return this.fail(where, 'not a string');
    if (value.length > max) this.fail(where, `${value.length} > ${max}`);
  }

  actionId(where: string, id: unknown): void {
    if (typeof id !== 'string' || id === '') return this.fail(where, 'no action_id');
    this.length(`${where}.action_id`, id, LIMIT.id);
    if (this.actionIds.has(id)) this.fail(where, `action_id ${id} used twice`);
    this.actionIds.add(id);
  }

  button(where: string, b: Json): void {
    if (b.type !== 'button') return this.fail(where, `element type ${String(b.type)}`);
    this.textObject(`${where}.text`, b.text, LIMIT.buttonText, 'plain_text');
    this.actionId(where, b.action_id);
    this.length(`${where}.value`, b.value, LIMIT.buttonValue);
    if (b.style !== undefined && b.style !== 'primary' && b.style !== 'danger') this.fail(where, `style ${String(b.style)}`);
    if (b.confirm !== undefined) {
      const c = isObject(b.confirm) ? b.confirm : {};
      this.textObject(`${where}.confirm.title`, c.title, LIMIT.confirmTitle, 'plain_text');
      this.textObject(`${where}.confirm.text`, c.text, LIMIT.confirmText);
      this.textObject(`${where}.confirm.confirm`, c.confirm, LIMIT.confirmButton, 'plain_text');
      this.textObject(`${where}.confirm.deny`, c.deny, LIMIT.confirmButton, 'plain_text');
    }
  }

  element(where: string, e: Json): void {
    switch (e.type) {
      case 'plain_text_input': {
        const max = e.max_length;
        if (max !== undefined && (typeof max !== 'number' || max < 1 || max > LIMIT.inputMaxLength)) this.fail(where, `max_length ${String(max)}`);
        this.length(`${where}.initial_value`, e.initial_value, typeof max === 'number' ? max : LIMIT.inputMaxLength);
        break;
      }
      case 'static_select': {
        const options = list(e.options);
        if (options.length < 1 || options.length > LIMIT.options) this.fail(where, `${options.length} options`);
        options.forEach((o, i) => {
          const option = isObject(o) ? o : {};
          this.textObject(`${where}.options[${i}]`, option.text, LIMIT.optionText, 'plain_text');
          this.length(`${where}.options[${i}].value`, option.value, LIMIT.optionValue);
        });
        break;
      }
      case 'datepicker':
        if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(e.initial_date))) this.fail(where, 'initial_date');
        break;
      case 'timepicker':
        if (e.initial_time !== undefined && !/^\d{2}:\d{2}$/.test(String(e.initial_time))) this.fail(where, 'initial_time');
        break;
      default:
        return this.fail(where, `element type ${String(e.type)}`);
    }
    this.actionId(where, e.action_id);
  }

  block(where: string, block: unknown): void {
    if (!isObject(block)) return this.fail(where, 'not an object');
    if (block.block_id !== undefined) {
      this.length(`${where}.block_id`, block.block_id, LIMIT.id);
      if (this.blockIds.has(String(block.block_id))) this.fail(where, `block_id ${String(block.block_id)} used twice`);
      this.blockIds.add(String(block.block_id));
    }
    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined) this.fail(where, 'neither text nor fields');
        if (block.text !== undefined) this.textObject(`${where}.text`, block.text, LIMIT.sectionText);
        if (block.fields !== undefined) {
          const fields = list(block.fields);
          if (fields.length < 1 || fields.length > LIMIT.fields) this.fail(where, `${fields.length} fields`);
          fields.forEach((f, i) => this.textObject(`${where}.fields[${i}]`, f, LIMIT.fieldText));
        }
        return;
      }
      case 'header':
        return this.textObject(`${where}.text`, block.text, LIMIT.headerText, 'plain_text');
      case 'context': {
        const elements = list(block.elements);
        if (elements.length < 1 || elements.length > LIMIT.contextElements) this.fail(where, `${elements.length} elements`);
        return elements.forEach((e, i) => this.textObject(`${where}.elements[${i}]`, e, LIMIT.textObject));
      }
      case 'actions': {
        const elements = list(block.elements);
        if (elements.length < 1 || elements.length > LIMIT.actionsElements) this.fail(where, `${elements.length} elements`);
        return elements.forEach((e, i) => this.button(`${where}.elements[${i}]`, isObject(e) ? e : {}));
      }
      case 'divider':
        return;
      case 'input': {
        this.textObject(`${where}.label`, block.label, LIMIT.inputLabel, 'plain_text');
        if (block.hint !== undefined) this.textObject(`${where}.hint`, block.hint, LIMIT.inputHint, 'plain_text');
        return this.element(`${where}.element`, isObject(block.element) ? block.element : {});
      }
      default:
        this.fail(where, `block type ${String(block.type)}`);
    }
  }

  blocks(blocks: unknown, max: number): void {
    const all = list(blocks);
    if (!Array.isArray(blocks)) this.fail('blocks', 'not an array');
    if (all.length > max) this.fail('blocks', `${all.length} > ${max}`);
    all.forEach((b, i) => this.block(`blocks[${i}]`, b));
  }
}

/** What Slack would refuse in a message's blocks (chat.postMessage, chat.update). */
export function messageProblems(blocks: unknown): string[] {
  const check = new Checker();
  check.blocks(blocks, LIMIT.messageBlocks);
  if (check.text > LIMIT.messageText) check.fail('blocks', `${check.text} characters of text > ${LIMIT.messageText}`);
  return check.problems;
}

/** What Slack would refuse in a view (views.open, views.publish). */
export function viewProblems(view: unknown): string[] {
  const check = new Checker();
  const v = isObject(view) ? view : {};
  check.blocks(v.blocks, LIMIT.viewBlocks);
  if (v.type === 'modal') {
    check.textObject('title', v.title, LIMIT.viewTitle, 'plain_text');
    if (v.close !== undefined) check.textObject('close', v.close, LIMIT.viewButton, 'plain_text');
    if (v.submit !== undefined) check.textObject('submit', v.submit, LIMIT.viewButton, 'plain_text');
    if (v.submit === undefined && list(v.blocks).some((b) => isObject(b) && b.type === 'input')) check.fail('submit', 'needed with inputs');
    check.length('callback_id', v.callback_id, LIMIT.id);
    check.length('private_metadata', v.private_metadata, LIMIT.privateMetadata);
    if (list(v.blocks).some((b) => isObject(b) && b.type === 'input' && typeof b.block_id !== 'string')) check.fail('blocks', 'an input without block_id');
  } else if (v.type !== 'home') {
    check.fail('type', `view type ${String(v.type)}`);
  }
  return check.problems;
}

/** The top-level `text` of a message: Slack truncates it past 40,000 characters, and reads it as mrkdwn. */
export function fallbackProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.length > 40000) problems.push(`text of ${text.length}`);
  if (/<|&(?!(amp|lt|gt);)/.test(text)) problems.push('unescaped text');
  return problems;
}
