import { z } from 'zod';
import { formatCitation } from '../shared/legalBasis.js';
import { ROLES } from '../shared/roles.js';
import { ALL_EVENTS } from './registry.js';

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  description?: string;
  personal?: boolean;
  category?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

const STREAMS: Record<string, string> = {
  case: 'case-<caseId>',
  plan: 'plan-<planId>',
  task: 'task-<taskId>',
  report: 'report-<reportId>',
  oversight: 'oversight-<matterId>',
  round: 'round-<roundId>',
  dossier: 'dossier-<dossierId>',
  'org-units': 'orgunits-registry',
  calendar: 'calendar-vn',
  'subject-request': 'subject-request-<requestId>',
  person: 'person-<personId>',
};

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(String).join(' \\| ');
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'any'}[]`;
  if (schema.format === 'uuid') return 'uuid';
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'date';
  return schema.type ?? 'any';
}

function rows(schema: JsonSchema, prefix: string, required: boolean): string[] {
  const out: string[] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    const isRequired = required && (schema.required ?? []).includes(name);
    const note = (child.description ?? '').replaceAll('|', '\\|');
    out.push(
      `| \`${path}\` | ${typeOf(child)} | ${isRequired ? 'yes' : ''} | ${child.personal ? `sealed (${child.category ?? '?'})` : ''} | ${note} |`,
    );
    if (child.properties) out.push(...rows(child, `${path}.`, isRequired));
    if (child.items?.properties) out.push(...rows(child.items, `${path}[].`, isRequired));
  }
  return out;
}

/** docs/events.md, generated from the event declarations: the file is never edited by hand. */
export function renderEventsDoc(): string {
  const lines = [
    '# Event catalogue',
    '',
    '<!-- Generated from packages/domain by `npx pnpm events-doc`. Do not edit; a test fails when it is stale. -->',
    '',
    `${ALL_EVENTS.length} event types. Fields marked *sealed* are personal data: encrypted per person before`,
    'they reach a store, and shown only to roles entitled to them. Every event also carries, in its',
    'envelope, who recorded it (actor, role, unit), when it happened and when it was recorded.',
    '',
    '| event | aggregate | version | Vietnamese | English |',
    '| --- | --- | ---: | --- | --- |',
    ...ALL_EVENTS.map(
      (e) =>
        `| [${e.type}](#${e.type.toLowerCase()}) | ${e.aggregate} | ${e.version} | ${e.label.vi} | ${e.label.en} |`,
    ),
  ];
  for (const event of ALL_EVENTS) {
    const schema = z.toJSONSchema(event.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    lines.push(
      '',
      `## ${event.type}`,
      '',
      `**${event.label.vi}** — ${event.label.en}. Version ${event.version}; stream \`${STREAMS[event.aggregate] ?? event.aggregate}\`.`,
      '',
      `- Emitted by: ${event.emittedBy.map((r) => `${ROLES[r].vi} (\`${r}\`)`).join(', ')}`,
      `- Legal basis: ${event.basis.map(formatCitation).join('; ') || '—'}`,
      '',
      '| field | type | required | personal | meaning |',
      '| --- | --- | --- | --- | --- |',
      ...rows(schema, '', true),
    );
  }
  return `${lines.join('\n')}\n`;
}
