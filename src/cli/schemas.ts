/**
 * The JSON Schema of every `--json` output, made from the zod schemas that type them. Published as
 * docs/schemas/*.schema.json by `npm run schemas`; a test checks the files are current and that real
 * outputs validate against them.
 */
import { z } from 'zod/v4';
import { ValidateJsonSchema } from '../engine/findings';
import { ConsolidateJsonSchema } from '../engine/consolidate/json-schema';
import { MatchJsonSchema } from '../engine/strategy/report';
import { CalendarJsonSchema } from '../engine/calendar/json';
import { ActionPlanJsonSchema } from '../engine/action-plan/json';

export const JSON_OUTPUTS = {
  validate: ValidateJsonSchema,
  consolidate: ConsolidateJsonSchema,
  match: MatchJsonSchema,
  calendar: CalendarJsonSchema,
  'action-plan': ActionPlanJsonSchema,
} as const;

export type JsonCommand = keyof typeof JSON_OUTPUTS;

/** Command → JSON Schema (draft 2020-12) of `oneplan <command> --json`. */
export function jsonSchemas(): Record<JsonCommand, Record<string, unknown>> {
  const out = {} as Record<JsonCommand, Record<string, unknown>>;
  for (const [command, schema] of Object.entries(JSON_OUTPUTS) as Array<[JsonCommand, z.ZodType]>) {
    out[command] = {
      ...z.toJSONSchema(schema, { target: 'draft-2020-12', reused: 'ref' }),
      title: `oneplan ${command} --json`,
    };
  }
  return out;
}

/** The file text of a schema: stable, two-space JSON with a final newline. */
export function schemaFileText(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
